package dev.x2s.distill.bpe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared data directory: {@code $X2S_SHARED}, else the first ancestor of
 * {@code user.dir} holding {@code shared/benchmarks-data}.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  public static Path shared() {
    String env = System.getenv("X2S_SHARED");
    if (env != null && !env.isEmpty()) {
      return Paths.get(env);
    }
    for (Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared").resolve("benchmarks-data"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException(
        "shared data directory not found: set X2S_SHARED or run below a directory containing shared/benchmarks-data");
  }

  /** GPT-2's tokenizer files (encoder.json, vocab.bpe). */
  public static Path gpt2Tokenizer() {
    return shared().resolve("fixtures").resolve("gpt2-tokenizer");
  }

  /** The real GPT-2 tokenizer from the shared fixture (loaded once). */
  public static synchronized ByteLevelBpe gpt2Bpe() {
    if (bpe == null) {
      Path d = gpt2Tokenizer();
      bpe = ByteLevelBpe.load(d.resolve("encoder.json"), d.resolve("vocab.bpe"));
    }
    return bpe;
  }

  private static ByteLevelBpe bpe;
}
