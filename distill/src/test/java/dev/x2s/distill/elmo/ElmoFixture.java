package dev.x2s.distill.elmo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code shared/fixtures/elmo-tiny} (AllenNLP's ELMo test fixture, see its README). */
final class ElmoFixture {
  private ElmoFixture() {}

  /** The shared directory: {@code $X2S_SHARED}, else the first ancestor of user.dir holding it. */
  static Path shared() {
    String env = System.getenv("X2S_SHARED");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    for (Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/benchmarks-data"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException(
        "shared data not found: set X2S_SHARED or run below a directory containing shared/benchmarks-data");
  }

  static Path dir() {
    Path d = shared().resolve("fixtures/elmo-tiny");
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException("ELMo fixture missing: " + d);
    }
    return d;
  }

  static Path options() {
    return dir().resolve("options.json");
  }

  static Path weights() {
    return dir().resolve("lm_weights.hdf5");
  }
}
