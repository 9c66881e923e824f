package dev.x2s.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the shared data (benchmarks, corpus, fixtures) — resolved the way the {@code x2s}
 * command resolves it, through ONE variable: {@code $X2S_DATA} (a directory laid out like
 * {@code shared/}), else the nearest ancestor of the working directory holding
 * {@code shared/benchmarks-data}. So {@code X2S_DATA=/path/to/shared mvn verify} works from a checkout
 * anywhere.
 */
public final class SharedData {
  /** The one variable both README commands honour. */
  public static final String VARIABLE = "X2S_DATA";

  private SharedData() {}

  /** The shared directory. */
  public static Path dir() {
    String env = System.getenv(VARIABLE);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).toAbsolutePath();
      if (!Files.isDirectory(p)) {
        throw new IllegalStateException("$" + VARIABLE + " = " + env + " is not a directory");
      }
      return p;
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/benchmarks-data"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("shared data not found: set $" + VARIABLE + " to the shared directory,"
        + " or run below a directory holding shared/benchmarks-data (from " + System.getProperty("user.dir") + ")");
  }

  /** {@code benchmarks-data/} of the shared directory. */
  public static Path benchmarks() {
    return existing(dir().resolve("benchmarks-data"));
  }

  /** The shared Wikipedia sample. */
  public static Path corpus() {
    return existing(dir().resolve("corpora/enwiki-2015-AA.wikiextractor.txt.gz"));
  }

  /** {@code fixtures/NAME} of the shared directory (e.g. {@code elmo-tiny}, {@code gpt2-tokenizer}). */
  public static Path fixture(String name) {
    return existing(dir().resolve("fixtures").resolve(name));
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalStateException("missing in the shared data: " + p);
    }
    return p;
  }
}
