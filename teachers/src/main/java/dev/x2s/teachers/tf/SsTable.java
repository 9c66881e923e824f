package dev.x2s.teachers.tf;

import dev.x2s.teachers.proto.ProtoReader;
import dev.x2s.teachers.weights.WeightsException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a whole (small) sorted string table in LevelDB's table format, as TensorFlow writes the
 * {@code .index} file of a tensor bundle ({@code tensorflow/core/lib/io/table_format.txt}): data blocks of
 * prefix-compressed entries with restart points, an index block of block handles, and a 48-byte footer
 * ending in the magic number. Every block's masked CRC32C is verified. Only uncompressed blocks are
 * supported (TF writes bundles without compression).
 */
final class SsTable {
  static final long MAGIC = 0xdb4775248b80fb57L;
  static final int FOOTER_SIZE = 48;
  static final int BLOCK_TRAILER_SIZE = 5;

  private SsTable() {}

  /**
   * @param file the table's bytes
   * @param source file name for error messages
   * @return every key → value, in key order
   */
  static Map<String, byte[]> read(byte[] file, String source) {
    if (file.length < FOOTER_SIZE) {
      throw new WeightsException(source, "truncated table: " + file.length + " bytes, footer needs " + FOOTER_SIZE);
    }
    int footer = file.length - FOOTER_SIZE;
    ProtoReader magic = new ProtoReader(source, file, file.length - 8, file.length);
    long m = magic.readFixed64();
    if (m != MAGIC) {
      throw new WeightsException(source, String.format(
          "bad table magic 0x%016x at byte %d (expected 0x%016x): not a tensor bundle index or truncated",
          m, file.length - 8, MAGIC));
    }
    ProtoReader f = new ProtoReader(source, file, footer, file.length - 8);
    readHandle(f); // metaindex: unused by bundles
    long[] index = readHandle(f);
    Map<String, byte[]> out = new LinkedHashMap<>();
    Map<String, byte[]> indexEntries = new LinkedHashMap<>();
    readBlock(file, index[0], index[1], source, indexEntries);
    for (Map.Entry<String, byte[]> e : indexEntries.entrySet()) {
      // the value is a copy: its offsets count from the value's start, so the source names the key
      long[] h = readHandle(new ProtoReader(source + " [block handle of index key '" + e.getKey() + "']",
          e.getValue()));
      readBlock(file, h[0], h[1], source, out);
    }
    return out;
  }

  private static long[] readHandle(ProtoReader r) {
    return new long[] {r.readVarint(), r.readVarint()};
  }

  /** Decodes one block at [offset, offset+size) (plus its trailer) into {@code out}. */
  private static void readBlock(byte[] file, long offset, long size, String source, Map<String, byte[]> out) {
    if (offset < 0 || size < 4 || offset + size + BLOCK_TRAILER_SIZE > file.length - FOOTER_SIZE) {
      throw new WeightsException(source, "block at byte " + offset + " of " + size
          + " bytes runs past the end of the table (" + file.length + " bytes): truncated?");
    }
    int off = (int) offset;
    int n = (int) size;
    int type = file[off + n];
    int stored = new ProtoReader(source, file, off + n + 1, off + n + 5).readFixed32();
    int actual = MaskedCrc32c.crc(file, off, n + 1);
    if (MaskedCrc32c.unmask(stored) != actual) {
      throw new WeightsException(source, String.format(
          "block checksum mismatch at byte %d: stored crc32c 0x%08x, computed 0x%08x", off,
          MaskedCrc32c.unmask(stored), actual));
    }
    if (type != 0) {
      throw new WeightsException(source, "block at byte " + off + " has compression type " + type
          + "; only uncompressed tables are supported");
    }
    int numRestarts = new ProtoReader(source, file, off + n - 4, off + n).readFixed32();
    int entriesEnd = off + n - 4 - 4 * numRestarts;
    if (numRestarts < 0 || entriesEnd < off) {
      throw new WeightsException(source, "block at byte " + off + ": bad restart count " + numRestarts);
    }
    byte[] key = new byte[0];
    ProtoReader r = new ProtoReader(source, file, off, entriesEnd);
    while (r.hasMore()) {
      int at = r.offset();
      int shared = (int) r.readVarint();
      int nonShared = (int) r.readVarint();
      int valueLen = (int) r.readVarint();
      int p = r.offset();
      if (shared < 0 || shared > key.length || nonShared < 0 || valueLen < 0
          || (long) p + nonShared + valueLen > entriesEnd) {
        throw new WeightsException(source, "bad table entry at byte " + at + ": lengths shared=" + shared
            + " nonShared=" + nonShared + " value=" + valueLen);
      }
      byte[] k = new byte[shared + nonShared];
      System.arraycopy(key, 0, k, 0, shared);
      System.arraycopy(file, p, k, shared, nonShared);
      byte[] v = new byte[valueLen];
      System.arraycopy(file, p + nonShared, v, 0, valueLen);
      key = k;
      out.put(new String(k, StandardCharsets.UTF_8), v);
      r.skipBytes(nonShared + valueLen);
    }
  }
}
