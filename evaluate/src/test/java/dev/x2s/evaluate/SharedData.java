package dev.x2s.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared benchmark data: {@code $X2S_SHARED/benchmarks-data} (or {@code $X2S_DATA}), else the first
 * {@code shared/benchmarks-data} found walking up from {@code user.dir}.
 */
public final class SharedData {
  private SharedData() {}

  public static Path benchmarks() {
    String env = System.getenv("X2S_SHARED") != null ? System.getenv("X2S_SHARED") : System.getenv("X2S_DATA");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).resolve("benchmarks-data");
      if (Files.isDirectory(p)) {
        return p;
      }
      throw new IllegalStateException("X2S_SHARED/X2S_DATA=" + env + " has no benchmarks-data/");
    }
    for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null;
        d = d.getParent()) {
      Path p = d.resolve("shared").resolve("benchmarks-data");
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "shared/benchmarks-data not found above " + System.getProperty("user.dir")
            + "; set X2S_SHARED (or X2S_DATA) to the shared directory");
  }
}
