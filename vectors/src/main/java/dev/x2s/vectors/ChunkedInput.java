package dev.x2s.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read sequentially in large chunks into one byte array that readers scan directly. Bytes
 * {@code [pos, limit)} of {@link #buf} are loaded and not yet consumed; {@link #fill} compacts and
 * reads more, growing the array when a single record needs more than it holds.
 */
final class ChunkedInput implements Closeable {
  private static final int CHUNK = 4 << 20;
  private static final long PROGRESS_STEP = 16 << 20;

  final Path file;
  private final FileChannel channel;
  private final long size;
  private final ProgressListener progress;
  byte[] buf;
  /** Little-endian view of {@link #buf}; replaced when the array grows. */
  ByteBuffer le;
  int pos;
  int limit;
  /** File offset of {@code buf[0]}. */
  private long base;
  private boolean eof;
  private long lastReported;

  ChunkedInput(Path file, ProgressListener progress) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
    this.progress = progress;
    this.buf = new byte[(int) Math.min(CHUNK, Math.max(64, size + 1))];
    this.le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
  }

  long size() {
    return size;
  }

  /** File offset of {@code buf[i]}. */
  long offsetOf(int i) {
    return base + i;
  }

  boolean eof() {
    return eof;
  }

  /**
   * Makes at least {@code need} unconsumed bytes available if the file has them. Returns false when
   * fewer remain before the end of the file (then all remaining bytes are loaded).
   */
  boolean fill(int need) throws IOException {
    while (limit - pos < need) {
      if (eof) {
        return false;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        base += pos;
        limit -= pos;
        pos = 0;
      }
      if (limit == buf.length || need > buf.length) {
        byte[] bigger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * buf.length, need))];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
        le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
      }
      int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
        long done = base + limit;
        if (done - lastReported >= PROGRESS_STEP) {
          lastReported = done;
          progress.progress(done, size);
        }
      }
    }
    return true;
  }

  /** Loads more bytes, keeping the unconsumed ones; false at the end of the file. */
  boolean more() throws IOException {
    return fill(limit - pos + 1);
  }

  /** Reports completion to the progress listener. */
  void finish() {
    progress.progress(base + pos, size);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
