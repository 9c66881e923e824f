package dev.x2s.layerpc.occurrence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of an occurrence store ({@code .x2o}), all little-endian. See the distill README,
 * section "Occurrence store", for the table.
 *
 * <pre>
 * header (64 bytes)
 *   0  8  magic "X2SOCCUR"
 *   8  4  version (1)
 *  12  4  dim
 *  16  4  layer count L
 *  20  4  word count W
 *  24  8  total slots S
 *  32  8  offset of the slot table
 *  40  8  offset of the vectors (multiple of 4096)
 *  48  8  offset of the footer
 *  56  8  reserved (0)
 * layers      L × int32 (model layer numbers)
 * word table  W × { int32 slots, int64 occurrences, int64 contexts, int32 n, n bytes UTF-8 }
 * (zero padding to 8)
 * slot table  S × { int64 sentence id, int32 word position, int32 0 }   (16 bytes)
 * (zero padding to 4096)
 * vectors     L × S × dim fp16 (IEEE binary16), layout [layer][slot][dim]
 * footer (24 bytes)
 *   0  4  CRC32C of bytes [0, vectors offset)
 *   4  4  CRC32C of the vector bytes
 *   8  8  footer offset (again)
 *  16  8  magic "X2SOCEND"
 * </pre>
 */
final class StoreFormat {
  static final byte[] MAGIC = "X2SOCCUR".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END_MAGIC = "X2SOCEND".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER_BYTES = 64;
  static final int SLOT_BYTES = 16;
  static final int FOOTER_BYTES = 24;
  static final int VECTOR_ALIGN = 4096;

  private StoreFormat() {}

  /** Byte offsets of the sections for a layout. */
  record Offsets(long slots, long vectors, long footer) {
    long fileSize() {
      return footer + FOOTER_BYTES;
    }
  }

  static Offsets offsets(StoreLayout layout) {
    long p = HEADER_BYTES + 4L * layout.layers().length;
    for (String w : layout.words()) {
      p += 4 + 8 + 8 + 4 + w.getBytes(StandardCharsets.UTF_8).length;
    }
    long slots = align(p, 8);
    long vectors = align(slots + SLOT_BYTES * layout.totalSlots(), VECTOR_ALIGN);
    long footer = vectors + 2L * layout.dim() * layout.layers().length * layout.totalSlots();
    return new Offsets(slots, vectors, footer);
  }

  static long align(long p, int a) {
    return (p + a - 1) / a * a;
  }

  /** Header, layers and word table, exactly {@code offsets.slots()} bytes long (padding included). */
  static ByteBuffer encodeMetadata(StoreLayout layout, Offsets o) {
    if (o.slots() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("word table over 2 GB");
    }
    ByteBuffer b = ByteBuffer.allocate((int) o.slots()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putInt(VERSION).putInt(layout.dim()).putInt(layout.layers().length)
        .putInt(layout.words().length).putLong(layout.totalSlots()).putLong(o.slots()).putLong(o.vectors())
        .putLong(o.footer()).putLong(0);
    for (int l : layout.layers()) {
      b.putInt(l);
    }
    String[] words = layout.words();
    for (int i = 0; i < words.length; i++) {
      byte[] u = words[i].getBytes(StandardCharsets.UTF_8);
      b.putInt(layout.slotCounts()[i]).putLong(layout.occurrences()[i]).putLong(layout.contexts()[i])
          .putInt(u.length).put(u);
    }
    b.position(0);
    return b;
  }

  /** CRC32C of {@code [from, to)} of a channel. */
  static int crc(FileChannel ch, long from, long to) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    long p = from;
    while (p < to) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), to - p));
      int n = ch.read(buf, p);
      if (n < 0) {
        throw new IOException("unexpected end of file at byte " + p);
      }
      buf.flip();
      crc.update(buf);
      p += n;
    }
    return (int) crc.getValue();
  }

  static void readFully(FileChannel ch, ByteBuffer b, long pos, Path file) throws IOException {
    long p = pos;
    while (b.hasRemaining()) {
      int n = ch.read(b, p);
      if (n < 0) {
        throw new StoreFormatException(file, p, "file ends early (truncated store?)");
      }
      p += n;
    }
    b.flip();
  }

  static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    long p = pos;
    while (b.hasRemaining()) {
      p += ch.write(b, p);
    }
  }
}
