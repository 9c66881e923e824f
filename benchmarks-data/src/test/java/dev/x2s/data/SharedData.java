package dev.x2s.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared data directory for tests: $X2S_SHARED or $X2S_DATA, else walk up from user.dir. */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String env = System.getenv("X2S_SHARED") != null ? System.getenv("X2S_SHARED") : System.getenv("X2S_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path shared = DatasetResolver.findShared(Path.of(System.getProperty("user.dir")).toAbsolutePath());
    if (shared == null) {
      throw new IllegalStateException(
          "tests need the shared data directory: set X2S_SHARED (or X2S_DATA) or run below a directory that "
              + "contains shared/benchmarks-data (user.dir=" + System.getProperty("user.dir") + ")");
    }
    return shared;
  }
}
