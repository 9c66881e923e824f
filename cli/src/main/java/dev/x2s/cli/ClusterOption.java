package dev.x2s.cli;

import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.jobs.chunks.ChunkRunnerProvider;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}: the teacher stage's chunks on Apache Spark. Not an option of the job's record: it
 * changes where the work runs, never its results. The Spark runner is looked up only when the flag is given
 * ({@link ChunkRunnerProvider}), so the CLI neither loads nor needs Spark otherwise; the x2s launcher puts
 * the spark module on the class path only for a command line with {@code --spark}.
 */
final class ClusterOption {
  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run the teacher stage on Apache Spark: local[N] in this process, spark://HOST:PORT, yarn, "
          + "or (under spark-submit) the submit's master. Outputs are byte-identical to the single-machine run.")
  String spark;

  /** The runner the flags ask for: {@link ChunkRunner#LOCAL} without {@code --spark}. */
  ChunkRunner open(boolean quiet) {
    return spark == null ? ChunkRunner.LOCAL : ChunkRunnerProvider.open("spark", spark, quiet);
  }
}
