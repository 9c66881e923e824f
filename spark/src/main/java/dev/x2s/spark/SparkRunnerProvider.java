package dev.x2s.spark;

import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.jobs.chunks.ChunkRunnerProvider;

/** {@code --spark MASTER}: the teacher stages' chunks on Spark. */
public final class SparkRunnerProvider implements ChunkRunnerProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public ChunkRunner open(String master, boolean quiet) {
    return SparkChunkRunner.start(master, quiet);
  }
}
