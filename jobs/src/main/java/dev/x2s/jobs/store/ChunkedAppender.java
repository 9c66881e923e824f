package dev.x2s.jobs.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Appends to one file of a row store through a buffer, summing CRC32C per chunk as the bytes go by, so a
 * commit costs a flush and a force but never a re-read.
 */
final class ChunkedAppender implements AutoCloseable {
  private final Path file;
  private final FileChannel ch;
  private final long chunkBytes;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  private final CRC32C chunk = new CRC32C();
  private int[] full;
  private int fullCount;
  private long bytes;

  private ChunkedAppender(Path file, FileChannel ch, long chunkBytes) {
    this.file = file;
    this.ch = ch;
    this.chunkBytes = chunkBytes;
    this.full = new int[16];
  }

  /** A new, empty file (an existing one is truncated). */
  static ChunkedAppender create(Path file, long chunkBytes) throws IOException {
    return new ChunkedAppender(file, FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE), chunkBytes);
  }

  /**
   * Reopens a file at its committed length: whatever an interrupted writer appended after its last commit
   * is cut off, the committed chunks are verified, and the running sum of the last, short chunk is rebuilt.
   *
   * @param rowBytes bytes per row when this is a rows file (to name damaged rows), else 0
   */
  static ChunkedAppender resume(Path file, FileChecksums committed, long chunkBytes, long rowBytes)
      throws IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new RowStoreException(file, "missing; the manifest commits " + committed.bytes() + " bytes of it");
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ChunkedAppender a = new ChunkedAppender(file, ch, chunkBytes);
    try {
      long size = ch.size();
      if (size < committed.bytes()) {
        throw new RowStoreException(file, size, "file ends at byte " + size + ", the manifest commits "
            + committed.bytes() + " (truncated below the last commit)");
      }
      ch.truncate(committed.bytes());
      committed.verify(file, ch, chunkBytes, rowBytes);
      int[] crcs = committed.crcs();
      long tail = committed.bytes() % chunkBytes;
      a.fullCount = (int) (committed.bytes() / chunkBytes);
      a.full = Arrays.copyOf(crcs, Math.max(16, crcs.length));
      a.bytes = committed.bytes();
      if (tail > 0) {
        ByteBuffer b = ByteBuffer.allocate((int) tail);
        long from = committed.bytes() - tail;
        while (b.hasRemaining()) {
          if (ch.read(b, from + b.position()) < 0) {
            throw new RowStoreException(file, from + b.position(), "file ends early");
          }
        }
        a.chunk.update(b.flip());
      }
      ch.position(committed.bytes());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return a;
  }

  /** Appends the remaining bytes of {@code src}. */
  void append(ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      int n = (int) Math.min(src.remaining(), chunkBytes - bytes % chunkBytes);
      ByteBuffer part = src.slice(src.position(), n);
      chunk.update(part.duplicate());
      while (part.hasRemaining()) {
        if (!buf.hasRemaining()) {
          flush();
        }
        int m = Math.min(part.remaining(), buf.remaining());
        buf.put(buf.position(), part, part.position(), m);
        buf.position(buf.position() + m);
        part.position(part.position() + m);
      }
      src.position(src.position() + n);
      bytes += n;
      if (bytes % chunkBytes == 0) {
        if (fullCount == full.length) {
          full = Arrays.copyOf(full, full.length * 2);
        }
        full[fullCount++] = (int) chunk.getValue();
        chunk.reset();
      }
    }
  }

  /** Bytes appended, buffered ones included. */
  long bytes() {
    return bytes;
  }

  /** Writes the buffer and forces the file to disk. */
  void force() throws IOException {
    flush();
    ch.force(false);
  }

  private void flush() throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    buf.clear();
  }

  /** Length and chunk sums of everything appended (durable only after {@link #force}). */
  FileChecksums checksums() {
    int[] crcs = Arrays.copyOf(full, fullCount + (bytes % chunkBytes == 0 ? 0 : 1));
    if (crcs.length > fullCount) {
      crcs[fullCount] = (int) chunk.getValue();
    }
    return new FileChecksums(bytes, crcs);
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
