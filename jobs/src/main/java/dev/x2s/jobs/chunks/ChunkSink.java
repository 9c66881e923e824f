package dev.x2s.jobs.chunks;

import java.io.IOException;

/** Receives chunk results on the driver, in chunk order; the stage's merge code. */
@FunctionalInterface
public interface ChunkSink<R> {
  /**
   * @param index the chunk's position in the run (0-based, over all chunks, skipped ones included)
   */
  void accept(long index, R result) throws IOException;
}
