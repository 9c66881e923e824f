package dev.x2s.jobs.chunks;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Where a stage's chunks are encoded. {@link #LOCAL}: in this JVM, one chunk after another, each result
 * handed to the sink as soon as it is ready. A cluster runner (the {@code spark} module, found through
 * {@link ChunkRunnerProvider}) encodes chunks on executors into shard files under {@code shardDir} and
 * hands them to the sink in order; shards left by an interrupted run are reused.
 */
public interface ChunkRunner extends AutoCloseable {
  /**
   * Encodes {@code chunks} (in corpus order; the first has index {@code firstIndex}) and delivers every
   * result to {@code sink} in order.
   *
   * @param shardDir where a cluster runner keeps shard files; it must be private to this stage and run
   *     settings (a stale shard is never recognised as such). Ignored by {@link #LOCAL}.
   */
  <C extends Serializable, R> void run(ChunkJob<C, R> job, Iterator<C> chunks, long firstIndex, Path shardDir,
      ChunkSink<R> sink) throws IOException;

  /** Whether chunks are encoded somewhere else (then the driver need not load the teacher to encode). */
  default boolean distributed() {
    return false;
  }

  @Override
  default void close() throws IOException {}

  /** In this JVM, on the calling thread. */
  ChunkRunner LOCAL = new ChunkRunner() {
    @Override
    public <C extends Serializable, R> void run(ChunkJob<C, R> job, Iterator<C> chunks, long firstIndex,
        Path shardDir, ChunkSink<R> sink) throws IOException {
      if (!chunks.hasNext()) {
        return;
      }
      try (ChunkJob.Worker<C, R> worker = job.open()) {
        long i = firstIndex;
        while (chunks.hasNext()) {
          sink.accept(i++, worker.encode(chunks.next()));
        }
      }
    }

    @Override
    public String toString() {
      return "local";
    }
  };
}
