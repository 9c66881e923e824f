package dev.x2s.distill.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared data directory: {@code $X2S_SHARED} or {@code $X2S_DATA}, else the nearest ancestor's {@code shared/}. */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    String env = System.getenv("X2S_SHARED") != null ? System.getenv("X2S_SHARED") : System.getenv("X2S_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/benchmarks-data"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("shared data not found: set X2S_SHARED (or X2S_DATA) or run below a directory holding"
        + " shared/benchmarks-data (from " + System.getProperty("user.dir") + ")");
  }

  public static Path corpus() {
    Path p = dir().resolve("corpora/enwiki-2015-AA.wikiextractor.txt.gz");
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("corpus missing: " + p);
    }
    return p;
  }
}
