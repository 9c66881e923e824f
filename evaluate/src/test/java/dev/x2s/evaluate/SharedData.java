package dev.x2s.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared benchmark data: {@code $X2S_SHARED/benchmarks-data}, else the first
 * {@code shared/benchmarks-data} found walking up from {@code user.dir}.
 */
public final class SharedData {
  private SharedData() {}

  public static Path benchmarks() {
    String env = System.getenv("X2S_SHARED");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).resolve("benchmarks-data");
      if (Files.isDirectory(p)) {
        return p;
      }
      throw new IllegalStateException("X2S_SHARED=" + env + " has no benchmarks-data/");
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
            + "; set X2S_SHARED to the shared directory");
  }
}
