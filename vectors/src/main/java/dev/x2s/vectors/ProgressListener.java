package dev.x2s.vectors;

/**
 * Receives progress of a read or write, e.g. for a CLI progress bar. Called on the calling thread:
 * while reading every 16 MB or so, while writing every 8192 rows, and once at the end with {@code
 * done == total}. An exception it throws aborts the operation (a write then leaves nothing behind).
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param done bytes read so far (reading) or rows written so far (writing)
   * @param total the file size in bytes (reading) or the number of rows (writing)
   */
  void progress(long done, long total);
}
