package dev.x2s.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared data directory: $X2S_SHARED or $X2S_DATA, else a `shared/` beside the checkout or a parent. */
final class SharedData {
  private SharedData() {}

  static Path root() {
    String env = System.getenv("X2S_SHARED") != null ? System.getenv("X2S_SHARED") : System.getenv("X2S_DATA");
    if (env != null) {
      return Path.of(env);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("shared/benchmarks-data"))) {
        return d.resolve("shared");
      }
    }
    throw new IllegalStateException("no shared/benchmarks-data above " + Path.of("").toAbsolutePath()
        + "; set X2S_SHARED (or X2S_DATA)");
  }
}
