package dev.x2s.jobs.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A row store, or a store built on one, is corrupt, incomplete, of another format or not the one a run
 * expects. Like Lucene's {@code CorruptIndexException} it names the file and, when one byte range is at
 * fault, its offset, so a user can tell a flipped bit from a foreign file.
 */
public final class RowStoreException extends IOException {
  private final transient Path file;
  private final long offset;

  public RowStoreException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
    this.offset = -1;
  }

  public RowStoreException(Path file, long offset, String message) {
    super(file + " @ byte " + offset + ": " + message);
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  /** Byte offset of the damaged range in {@link #file()}, or -1 when the fault is not in one place. */
  public long offset() {
    return offset;
  }
}
