package dev.x2s.vectors;

/**
 * Receives progress of a read or write, e.g. for a CLI progress bar. Called from the reading thread
 * every few megabytes and once at the end with {@code done == total}.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param done bytes read (or written) so far
   * @param total the file size in bytes when reading; the expected number of rows × 1 when writing
   *     (see the writer's documentation), or -1 when unknown
   */
  void progress(long done, long total);
}
