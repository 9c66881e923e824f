package dev.x2s.cli;

import dev.x2s.data.DatasetResolver;
import java.io.IOException;
import java.nio.file.Path;

/** Wires the dataset resolver (benchmarks-data) into the benchmark catalogue (evaluate). */
final class Datasets {
  private Datasets() {}

  static DatasetResolver resolver(DataOption data) {
    DatasetResolver.Builder b = DatasetResolver.builder();
    // Look for ../shared from the working directory first, else from the x2s installation (the
    // launcher passes -Dx2s.home), so `x2s` finds the project's data wherever it is run from.
    String home = System.getProperty("x2s.home");
    if (home != null && !hasShared(Path.of("").toAbsolutePath())) {
      b.workingDir(Path.of(home));
    }
    if (data != null && data.dataDir != null) {
      b.dataDir(data.dataDir);
    }
    if (data != null && data.offline) {
      b.download(false);
    }
    return b.build();
  }

  private static boolean hasShared(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (java.nio.file.Files.isDirectory(d.resolve("shared/benchmarks-data"))) {
        return true;
      }
    }
    return false;
  }

  static Path resolveFile(DatasetResolver resolver, String id) throws IOException {
    return resolver.resolveFile(id);
  }
}
