package dev.x2s.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where benchmark data and corpora are looked for first (then $X2S_DATA, ../shared, cache, download). */
public final class DataOption {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory laid out like shared/ (benchmarks-data/, corpora/); default: $X2S_DATA, then ../shared, then the cache, then the pinned download.")
  Path dataDir;

  @Option(names = "--offline", description = "Never download data.")
  boolean offline;
}
