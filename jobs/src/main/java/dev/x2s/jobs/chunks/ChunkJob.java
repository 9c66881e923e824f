package dev.x2s.jobs.chunks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * One teacher-bound stage cut into chunks: how a worker is opened (once per partition: it loads the
 * teacher), how it encodes a chunk, and how a chunk's result is written to and read from a shard file.
 * The same job object serves the single-machine path ({@link ChunkRunner#LOCAL}: results go straight to
 * the sink) and a cluster runner (results go through shard files): the per-chunk code is one.
 *
 * <p>Serializable, since a cluster runner ships it to its executors: it holds settings, never an open model.
 *
 * @param <C> a chunk of input (serializable: it travels to the executor)
 * @param <R> the chunk's result
 */
public interface ChunkJob<C extends Serializable, R> extends Serializable {
  /** A short stage name for logs and shard files, e.g. {@code contexts}. */
  String name();

  /**
   * Where {@code chunk} starts in the stage's input (e.g. its first sentence's id): a shard records it
   * and is reused only for a chunk with the same index and start.
   */
  long start(C chunk);

  /** Opens a worker: loads the teacher. Called once per partition (once in all on one machine). */
  Worker<C, R> open() throws IOException;

  /** Writes a result (a shard's payload; the runner adds framing and a checksum). */
  void write(R result, DataOutputStream out) throws IOException;

  /** Reads what {@link #write} wrote. */
  R read(DataInputStream in) throws IOException;

  /** Encodes chunks, one after another, on one thread. */
  interface Worker<C, R> extends AutoCloseable {
    R encode(C chunk) throws IOException;

    @Override
    void close() throws IOException;
  }
}
