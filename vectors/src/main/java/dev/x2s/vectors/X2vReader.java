package dev.x2s.vectors;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads x2v files by memory-mapping them: verifies the footer checksum, decodes the vocabulary and
 * decodes the matrix to floats. Files larger than one mapping (2 GiB) are mapped in windows.
 */
final class X2vReader {
  private static final long WINDOW = 1L << 30;
  private static final float[] HALF_TO_FLOAT = new float[1 << 16];

  static {
    for (int h = 0; h < HALF_TO_FLOAT.length; h++) {
      HALF_TO_FLOAT[h] = Half.toFloat((short) h);
    }
  }

  private X2vReader() {}

  static LoadResult read(Path file, ReadOptions options) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(file, ch, options);
    }
  }

  private static LoadResult read(Path file, FileChannel ch, ReadOptions options)
      throws IOException {
    long size = ch.size();
    if (size == 0) {
      throw VectorFormatException.atOffset(file, 0, "empty file");
    }
    if (size < X2vLayout.HEADER_BYTES + X2vLayout.FOOTER_BYTES) {
      throw VectorFormatException.atOffset(file, size, "truncated: " + size + " bytes");
    }
    MappedByteBuffer head = map(ch, 0, X2vLayout.HEADER_BYTES);
    for (int i = 0; i < 4; i++) {
      if (head.get(i) != X2vLayout.MAGIC[i]) {
        throw VectorFormatException.atOffset(file, i, "not an x2v file (bad magic)");
      }
    }
    int version = head.getShort(4) & 0xffff;
    if (version != X2vLayout.VERSION) {
      throw VectorFormatException.atOffset(file, 4, "unsupported x2v version " + version);
    }
    Dtype dtype = Dtype.ofCode(head.get(6) & 0xff);
    if (dtype == null) {
      throw VectorFormatException.atOffset(file, 6, "unknown dtype code " + (head.get(6) & 0xff));
    }
    long dim = head.getInt(8) & 0xffffffffL;
    long count = head.getInt(12) & 0xffffffffL;
    long vocabBytes = head.getLong(16);
    if (dim == 0 || count * dim > Integer.MAX_VALUE - 8) {
      throw VectorFormatException.atOffset(
          file, 8, "unsupported shape " + count + " × " + dim);
    }
    if (vocabBytes < 4 * count || vocabBytes > size) {
      throw VectorFormatException.atOffset(file, 16, "vocabulary size " + vocabBytes + " is invalid");
    }
    long matrixStart = X2vLayout.matrixStart(vocabBytes);
    long valuesStart = X2vLayout.valuesStart(matrixStart, dtype, count);
    long footerStart = X2vLayout.footerStart(valuesStart, dtype, count, (int) dim);
    if (size != footerStart + X2vLayout.FOOTER_BYTES) {
      throw VectorFormatException.atOffset(
          file,
          Math.min(size, footerStart + X2vLayout.FOOTER_BYTES),
          (size < footerStart + X2vLayout.FOOTER_BYTES ? "truncated" : "trailing bytes")
              + ": header says " + count + " × " + dim + " " + dtype + " ("
              + (footerStart + X2vLayout.FOOTER_BYTES) + " bytes), file has " + size);
    }
    ProgressListener progress = options.progress();
    MappedByteBuffer foot = map(ch, footerStart, X2vLayout.FOOTER_BYTES);
    for (int i = 0; i < 4; i++) {
      if (foot.get(4 + i) != X2vLayout.END_MAGIC[i]) {
        throw VectorFormatException.atOffset(file, footerStart + 4 + i, "bad end marker");
      }
    }
    int stored = foot.getInt(0);
    CRC32C crc = new CRC32C();
    for (long o = 0; o < footerStart; o += WINDOW) {
      crc.update(map(ch, o, Math.min(WINDOW, footerStart - o)));
      progress.progress(Math.min(o + WINDOW, footerStart) / 2, size);
    }
    if ((int) crc.getValue() != stored) {
      throw VectorFormatException.atOffset(
          file,
          footerStart,
          String.format(
              "checksum mismatch: stored %08x, computed %08x (file corrupted)",
              stored, (int) crc.getValue()));
    }

    // Vocabulary
    if (vocabBytes > Integer.MAX_VALUE) {
      throw VectorFormatException.atOffset(file, 16, "vocabulary larger than 2 GiB");
    }
    MappedByteBuffer vocab = map(ch, X2vLayout.HEADER_BYTES, vocabBytes);
    byte[] bytes = new byte[(int) vocabBytes];
    vocab.get(bytes);
    RowCollector rows = new RowCollector((int) dim, options, count);
    int n = (int) count;
    int[] target = new int[n]; // offset of each file row in the result, -1 when dropped
    Utf8 utf8 = new Utf8();
    int p = 0;
    int read = 0;
    boolean identity = true;
    for (int r = 0; r < n && !rows.full(); r++) {
      if (p + 4 > bytes.length) {
        throw VectorFormatException.atOffset(
            file, X2vLayout.HEADER_BYTES + p, "vocabulary ends before word " + (r + 1));
      }
      int len =
          (bytes[p] & 0xff)
              | (bytes[p + 1] & 0xff) << 8
              | (bytes[p + 2] & 0xff) << 16
              | (bytes[p + 3] & 0xff) << 24;
      if (len < 0 || len > bytes.length - p - 4) {
        throw VectorFormatException.atOffset(
            file, X2vLayout.HEADER_BYTES + p, "word " + (r + 1) + " has invalid length " + len);
      }
      String w = utf8.decode(bytes, p + 4, p + 4 + len);
      if (w == null) {
        throw VectorFormatException.atOffset(
            file, X2vLayout.HEADER_BYTES + p + 4, "word " + (r + 1) + " is not valid UTF-8");
      }
      target[r] = rows.admit(w);
      identity &= target[r] == r * (int) dim;
      p += 4 + len;
      read++;
    }
    if (read == n && p != bytes.length) {
      throw VectorFormatException.atOffset(
          file, X2vLayout.HEADER_BYTES + p, "vocabulary has bytes after the last word");
    }

    // Matrix
    int d = (int) dim;
    float[] out = rows.matrix();
    float[] scales = null;
    if (dtype == Dtype.INT8) {
      scales = new float[read];
      map(ch, matrixStart, 4L * read).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scales);
    }
    int bpv = X2vLayout.bytesPerValue(dtype);
    long rowBytes = (long) d * bpv;
    int windowRows = (int) Math.max(1, WINDOW / rowBytes);
    for (int r0 = 0; r0 < read; r0 += windowRows) {
      int r1 = Math.min(read, r0 + windowRows);
      MappedByteBuffer win = map(ch, valuesStart + r0 * rowBytes, (r1 - r0) * rowBytes);
      win.order(ByteOrder.LITTLE_ENDIAN);
      if (identity && dtype == Dtype.FP32) {
        win.asFloatBuffer().get(out, r0 * d, (r1 - r0) * d);
      } else {
        for (int r = r0; r < r1; r++) {
          if (target[r] < 0) {
            continue;
          }
          int base = (int) ((r - r0) * rowBytes);
          int o = target[r];
          decodeRow(win, base, dtype, d, scales == null ? 0 : scales[r], out, o);
        }
      }
      progress.progress(footerStart / 2 + (valuesStart + r1 * rowBytes) / 2, size);
    }
    progress.progress(size, size);
    return new LoadResult(
        rows.vectors(), rows.report(file, VectorFormat.X2V, count, size, dtype));
  }

  private static void decodeRow(
      MappedByteBuffer win, int base, Dtype dtype, int d, float scale, float[] out, int o) {
    switch (dtype) {
      case FP32 -> {
        for (int k = 0; k < d; k++) {
          out[o + k] = win.getFloat(base + 4 * k);
        }
      }
      case FP16 -> {
        for (int k = 0; k < d; k++) {
          out[o + k] = HALF_TO_FLOAT[win.getShort(base + 2 * k) & 0xffff];
        }
      }
      case INT8 -> {
        for (int k = 0; k < d; k++) {
          out[o + k] = win.get(base + k) * scale;
        }
      }
    }
  }

  private static MappedByteBuffer map(FileChannel ch, long offset, long length) throws IOException {
    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    return b;
  }
}
