package dev.x2s.jobs.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The committed length of one file of a row store and the CRC32C of each of its chunks (chunk {@code i}
 * covers bytes {@code [i × chunkBytes, min(bytes, (i + 1) × chunkBytes))}, so the last one may be short).
 * Per-chunk sums rather than one per file: a damaged byte is located to its chunk, a resumed writer
 * re-reads only what it must, and a commit never rewrites the sums of chunks already full.
 *
 * @param bytes committed length
 * @param crcs CRC32C per chunk, {@code ceil(bytes / chunkBytes)} of them
 */
public record FileChecksums(long bytes, int[] crcs) {
  public FileChecksums {
    crcs = crcs.clone();
  }

  @Override
  public int[] crcs() {
    return crcs.clone();
  }

  /** Chunks needed for {@code bytes}. */
  static long chunks(long bytes, long chunkBytes) {
    return (bytes + chunkBytes - 1) / chunkBytes;
  }

  /**
   * Reads {@code [0, bytes)} of {@code ch} and compares every chunk's CRC32C.
   *
   * @param rowBytes the width of a row in bytes, to name the rows of a damaged chunk; 0 for a byte stream
   * @throws RowStoreException naming {@code file} and the damaged chunk's first byte
   */
  void verify(Path file, FileChannel ch, long chunkBytes, long rowBytes) throws IOException {
    for (int i = 0; i < crcs.length; i++) {
      long from = i * chunkBytes;
      long to = Math.min(bytes, from + chunkBytes);
      int actual = crc(file, ch, from, to);
      if (actual != crcs[i]) {
        String rows = rowBytes > 0 ? String.format(" (rows %d..%d)", from / rowBytes, (to - 1) / rowBytes) : "";
        throw new RowStoreException(file, from, String.format(
            "CRC32C of bytes [%d, %d)%s is %08x, the manifest records %08x (corrupt)", from, to, rows, actual, crcs[i]));
      }
    }
  }

  /** CRC32C of bytes {@code [from, to)} of {@code ch}. */
  static int crc(Path file, FileChannel ch, long from, long to) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(1 << 20, Math.max(1, to - from)));
    long p = from;
    while (p < to) {
      buf.clear().limit((int) Math.min(buf.capacity(), to - p));
      int n = ch.read(buf, p);
      if (n < 0) {
        throw new RowStoreException(file, p, "file ends at byte " + p + ", the manifest commits " + to);
      }
      buf.flip();
      crc.update(buf);
      p += n;
    }
    return (int) crc.getValue();
  }
}
