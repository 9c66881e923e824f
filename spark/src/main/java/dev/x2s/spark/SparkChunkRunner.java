package dev.x2s.spark;

import dev.x2s.jobs.chunks.ChunkJob;
import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.jobs.chunks.ChunkSink;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple3;

/**
 * Encodes a stage's chunks on a Spark cluster. The driver lists the chunks (corpus order), keeps those
 * whose shard an earlier run already wrote, and sends the others as one RDD whose partitions are contiguous
 * runs of whole chunks; each task opens the stage's worker once (it loads the teacher), encodes its chunks
 * one after another exactly as the single-machine path does, and writes one shard per chunk
 * ({@link ShardFiles}: atomic per attempt). The driver then reads the shards in chunk order into the
 * stage's own merge code, so the outputs are the single-machine formats, byte for byte.
 *
 * <p>The shard directory must be readable and writable by the driver and every executor at the same path
 * (on one machine: any directory; on a cluster: a shared file system mounted everywhere).
 */
public final class SparkChunkRunner implements ChunkRunner {
  /** Spark setting: partitions per run (default: the context's default parallelism, one per core). */
  public static final String PARTITIONS = "spark.x2s.partitions";
  /** Spark setting: chunks per wave, one Spark job each (default: 8 per partition). */
  public static final String WAVE_CHUNKS = "spark.x2s.waveChunks";
  /** Spark setting (tests): the first attempt of the first task fails halfway through its first shard. */
  public static final String FAIL_FIRST_ATTEMPT = "spark.x2s.test.failFirstAttempt";

  private final JavaSparkContext sc;
  private final boolean ownsContext;
  private final boolean quiet;
  private boolean failFirstAttempt;
  private long shardsReused;
  private long shardsWritten;

  /** Starts a Spark context on {@code master} (a {@code spark-submit}'s own master, when set, wins). */
  public static SparkChunkRunner start(String master, boolean quiet) {
    SparkConf conf = new SparkConf().setAppName("x2s");
    if (!conf.contains("spark.master")) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    return new SparkChunkRunner(new JavaSparkContext(conf), true, quiet);
  }

  /** Runs on a context the caller owns (tests: one context per test class). */
  public SparkChunkRunner(JavaSparkContext sc, boolean quiet) {
    this(sc, false, quiet);
  }

  private SparkChunkRunner(JavaSparkContext sc, boolean ownsContext, boolean quiet) {
    this.sc = sc;
    this.ownsContext = ownsContext;
    this.quiet = quiet;
    this.failFirstAttempt = sc.getConf().getBoolean(FAIL_FIRST_ATTEMPT, false);
  }

  /** Test hook: the first attempt of the task holding the first chunk to encode fails halfway through its shard. */
  public SparkChunkRunner failFirstAttempt(boolean fail) {
    this.failFirstAttempt = fail;
    return this;
  }

  @Override
  public boolean distributed() {
    return true;
  }

  /** Shards found whole and reused, over all runs of this runner. */
  public long shardsReused() {
    return shardsReused;
  }

  /** Shards written by tasks, over all runs of this runner. */
  public long shardsWritten() {
    return shardsWritten;
  }

  @Override
  public <C extends Serializable, R> void run(ChunkJob<C, R> job, Iterator<C> chunks, long firstIndex, Path shardDir,
      ChunkSink<R> sink) throws IOException {
    Files.createDirectories(shardDir);
    int partitions = Math.max(1, sc.getConf().getInt(PARTITIONS, sc.defaultParallelism()));
    int wave = Math.max(1, sc.getConf().getInt(WAVE_CHUNKS, partitions * 8));
    long index = firstIndex;
    while (chunks.hasNext()) {
      List<Tuple3<Long, Long, C>> all = new ArrayList<>(wave);
      while (all.size() < wave && chunks.hasNext()) {
        C c = chunks.next();
        all.add(new Tuple3<>(index++, job.start(c), c));
      }
      runWave(job, all, partitions, shardDir, sink);
    }
  }

  /**
   * One Spark job over a wave of chunks: those without a whole shard are encoded, then every shard of the
   * wave goes to the sink in order. Waves bound what the driver holds (the wave's input and one shard) and
   * let the stage merge and checkpoint as it goes.
   */
  private <C extends Serializable, R> void runWave(ChunkJob<C, R> job, List<Tuple3<Long, Long, C>> all,
      int partitions, Path shardDir, ChunkSink<R> sink) throws IOException {
    String stage = job.name();
    List<Tuple3<Long, Long, C>> todo = new ArrayList<>();
    for (Tuple3<Long, Long, C> t : all) {
      if (!ShardFiles.valid(shardDir, t._1(), t._2(), stage)) {
        todo.add(t);
      }
    }
    long reused = all.size() - todo.size();
    shardsReused += reused;
    String range = "chunks " + all.get(0)._1() + "-" + all.get(all.size() - 1)._1();
    long t0 = System.nanoTime();
    if (!todo.isEmpty()) {
      int n = Math.min(todo.size(), partitions);
      say(String.format(Locale.ROOT, "x2s spark: %s %s: %,d shards reused, %,d to encode in %d partitions on %s",
          stage, range, reused, todo.size(), n, sc.master()));
      String dir = shardDir.toAbsolutePath().toString();
      boolean failFirst = failFirstAttempt;
      long firstTodo = todo.get(0)._1();
      List<Long> written = sc.parallelize(todo, n).mapPartitions((Iterator<Tuple3<Long, Long, C>> it) -> {
        List<Long> done = new ArrayList<>();
        if (!it.hasNext()) {
          return done.iterator();
        }
        TaskContext tc = TaskContext.get();
        String attempt = "s" + tc.stageId() + "." + tc.stageAttemptNumber() + "-t" + tc.taskAttemptId();
        Path out = Path.of(dir);
        ChunkJob.Worker<C, R> worker = null;
        try {
          while (it.hasNext()) {
            Tuple3<Long, Long, C> t = it.next();
            if (ShardFiles.valid(out, t._1(), t._2(), stage)) {
              continue; // written by an earlier attempt of this task
            }
            if (worker == null) {
              worker = job.open();
            }
            boolean fail = failFirst && tc.attemptNumber() == 0 && t._1() == firstTodo;
            ShardFiles.write(out, t._1(), t._2(), stage, job, worker.encode(t._3()), attempt, fail);
            done.add(t._1());
          }
        } finally {
          if (worker != null) {
            worker.close();
          }
        }
        return done.iterator();
      }).collect();
      shardsWritten += written.size();
      say(String.format(Locale.ROOT, "x2s spark: %s %s: %,d shards written in %.1f s", stage, range, written.size(),
          (System.nanoTime() - t0) / 1e9));
    } else {
      say(String.format(Locale.ROOT, "x2s spark: %s %s: all %,d shards reused", stage, range, all.size()));
    }
    deleteAttempts(shardDir);
    for (Tuple3<Long, Long, C> t : all) {
      R r = ShardFiles.read(shardDir, t._1(), t._2(), stage, job);
      if (r == null) {
        throw new IOException(ShardFiles.shard(shardDir, t._1()) + ": shard missing or damaged after the job"
            + " succeeded (is " + shardDir + " the same directory on every executor?)");
      }
      sink.accept(t._1(), r);
    }
  }

  /** Removes what failed attempts left (the job has succeeded: no attempt of it is still running). */
  private static void deleteAttempts(Path shardDir) throws IOException {
    Path attempts = shardDir.resolve(ShardFiles.ATTEMPTS);
    if (Files.isDirectory(attempts)) {
      try (Stream<Path> s = Files.walk(attempts)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void say(String s) {
    if (!quiet) {
      System.err.println(s);
    }
  }

  @Override
  public void close() {
    if (ownsContext) {
      sc.stop();
    }
  }

  @Override
  public String toString() {
    return "spark " + sc.master();
  }
}
