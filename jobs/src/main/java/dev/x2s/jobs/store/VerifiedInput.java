package dev.x2s.jobs.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The committed bytes of one file of a row store as a stream, read a whole chunk at a time and checked
 * against the chunk's CRC32C before any of it is handed out: a reader never acts on damaged bytes, and
 * the file is read once instead of once to verify and once to parse. Bytes past the commit (a writer
 * still appending) are never read.
 */
final class VerifiedInput extends InputStream {
  private final Path file;
  private final FileChannel ch;
  private final long bytes;
  private final int[] crcs;
  private final long chunkBytes;
  private final ByteBuffer chunk;
  private int next;

  VerifiedInput(Path file, FileChecksums sums, long chunkBytes) throws IOException {
    this.file = file;
    this.ch = FileChannel.open(file, StandardOpenOption.READ);
    this.bytes = sums.bytes();
    this.crcs = sums.crcs();
    this.chunkBytes = chunkBytes;
    this.chunk = ByteBuffer.allocate((int) Math.min(chunkBytes, Math.max(0, bytes))).limit(0);
  }

  /** Loads and checks the next chunk; false at the end of the committed bytes. */
  private boolean load() throws IOException {
    if (next == crcs.length) {
      return false;
    }
    long from = next * chunkBytes;
    int n = (int) Math.min(chunkBytes, bytes - from);
    chunk.clear().limit(n);
    while (chunk.hasRemaining()) {
      if (ch.read(chunk, from + chunk.position()) < 0) {
        throw new RowStoreException(file, from + chunk.position(), "file ends early; the manifest commits " + bytes
            + " bytes");
      }
    }
    chunk.flip();
    CRC32C crc = new CRC32C();
    crc.update(chunk.duplicate());
    if ((int) crc.getValue() != crcs[next]) {
      throw new RowStoreException(file, from, String.format("CRC32C of bytes [%d, %d) is %08x, the manifest records"
          + " %08x (corrupt)", from, from + n, (int) crc.getValue(), crcs[next]));
    }
    next++;
    return true;
  }

  @Override
  public int read() throws IOException {
    if (!chunk.hasRemaining() && !load()) {
      return -1;
    }
    return chunk.get() & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!chunk.hasRemaining() && !load()) {
      return -1;
    }
    int n = Math.min(len, chunk.remaining());
    chunk.get(b, off, n);
    return n;
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
