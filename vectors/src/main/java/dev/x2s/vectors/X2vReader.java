package dev.x2s.vectors;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32C;

/**
 * Reads x2v files by memory-mapping them: verifies the footer checksum, decodes the vocabulary and
 * decodes the matrix to floats (fp32 by bulk copy). The checksum and matrix run on a second
 * thread while the calling thread decodes the words and builds the index. Files larger than one
 * mapping are mapped in windows of 1 GiB.
 */
final class X2vReader {
  private static final long WINDOW = 1L << 30;
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
    int d = (int) dim;
    int n = (int) count;
    // Everything needed to decode the matrix is known now. When all rows may be kept, a second
    // thread verifies the checksum and decodes the whole matrix while this one decodes the words.
    boolean parallel = options.limit() >= n && n > 0;
    FutureTask<float[]> matrixTask =
        new FutureTask<>(
            () -> {
              verifyChecksum(file, ch, footerStart, stored);
              return parallel ? decodeAll(ch, dtype, n, d, matrixStart, valuesStart) : null;
            });
    Thread worker = new Thread(matrixTask, "x2v-decode");
    worker.setDaemon(true);
    worker.start();
    RowCollector rows;
    int[] target;
    try {
      rows = new RowCollector(d, options, count, !parallel);
      target = readVocabulary(file, ch, vocabBytes, n, rows);
    } catch (VectorFormatException e) {
      join(matrixTask, file); // a checksum error explains a broken vocabulary better
      throw e;
    } catch (RuntimeException | Error e) {
      // e.g. from the caller's filter: let the worker finish before the channel closes
      try {
        matrixTask.get();
      } catch (InterruptedException | ExecutionException ignored) {
        // the original exception is the one to report
      }
      throw e;
    }
    float[] full = join(matrixTask, file);
    WordVectors vectors;
    if (parallel) {
      vectors = rows.vectors(select(full, target, rows.kept(), d));
    } else {
      decodeSelected(ch, dtype, target, d, matrixStart, valuesStart, rows.matrix());
      vectors = rows.vectors();
    }
    progress.progress(size, size);
    return new LoadResult(vectors, rows.report(file, VectorFormat.X2V, count, size, dtype));
  }

  private static float[] join(FutureTask<float[]> task, Path file) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + file);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(c);
    }
  }

  private static void verifyChecksum(Path file, FileChannel ch, long footerStart, int stored)
      throws IOException {
    CRC32C crc = new CRC32C();
    for (long o = 0; o < footerStart; o += WINDOW) {
      crc.update(map(ch, o, Math.min(WINDOW, footerStart - o)));
    }
    if ((int) crc.getValue() != stored) {
      throw VectorFormatException.atOffset(
          file,
          footerStart,
          String.format(
              "checksum mismatch: stored %08x, computed %08x (file corrupted)",
              stored, (int) crc.getValue()));
    }
  }

  /**
   * Decodes the words, admitting each to {@code rows}; returns per file row the offset of its
   * values in the result, or -1 when dropped (rows after the limit stay 0 and are not used).
   */
  private static int[] readVocabulary(
      Path file, FileChannel ch, long vocabBytes, int n, RowCollector rows) throws IOException {
    if (vocabBytes > Integer.MAX_VALUE - 8) {
      throw VectorFormatException.atOffset(file, 16, "vocabulary larger than 2 GiB");
    }
    byte[] bytes = new byte[(int) vocabBytes];
    map(ch, X2vLayout.HEADER_BYTES, vocabBytes).get(bytes);
    int[] target = new int[n];
    java.util.Arrays.fill(target, -1);
    Utf8 utf8 = new Utf8();
    int p = 0;
    int r = 0;
    for (; r < n && !rows.full(); r++) {
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
      p += 4 + len;
    }
    if (r == n && p != bytes.length) {
      throw VectorFormatException.atOffset(
          file, X2vLayout.HEADER_BYTES + p, "vocabulary has bytes after the last word");
    }
    return target;
  }

  /** The kept rows of {@code full}; {@code full} itself when every row is kept in order. */
  private static float[] select(float[] full, int[] target, int kept, int d) {
    boolean identity = kept == target.length;
    for (int r = 0; identity && r < target.length; r++) {
      identity = target[r] == r * d;
    }
    if (identity) {
      return full;
    }
    float[] out = new float[kept * d];
    for (int r = 0; r < target.length; r++) {
      if (target[r] >= 0) {
        System.arraycopy(full, r * d, out, target[r], d);
      }
    }
    return out;
  }

  private static float[] decodeAll(
      FileChannel ch, Dtype dtype, int n, int d, long matrixStart, long valuesStart)
      throws IOException {
    int[] target = new int[n];
    for (int r = 0; r < n; r++) {
      target[r] = r * d;
    }
    float[] out = new float[n * d];
    decodeSelected(ch, dtype, target, d, matrixStart, valuesStart, out);
    return out;
  }

  /** Decodes the rows whose {@code target} offset is ≥ 0 into {@code out}, window by window. */
  private static void decodeSelected(
      FileChannel ch,
      Dtype dtype,
      int[] target,
      int d,
      long matrixStart,
      long valuesStart,
      float[] out)
      throws IOException {
    int n = target.length;
    float[] scales = null;
    if (dtype == Dtype.INT8) {
      scales = new float[n];
      map(ch, matrixStart, 4L * n).asFloatBuffer().get(scales);
    }
    long rowBytes = (long) d * X2vLayout.bytesPerValue(dtype);
    int windowRows = (int) Math.max(1, WINDOW / rowBytes);
    for (int r0 = 0; r0 < n; r0 += windowRows) {
      int r1 = Math.min(n, r0 + windowRows);
      MappedByteBuffer win = map(ch, valuesStart + r0 * rowBytes, (r1 - r0) * rowBytes);
      // runs of consecutive rows in order go in one bulk copy (fp32)
      int r = r0;
      while (r < r1) {
        if (target[r] < 0) {
          r++;
          continue;
        }
        int run = r + 1;
        while (run < r1 && target[run] == target[run - 1] + d) {
          run++;
        }
        int base = (int) ((r - r0) * rowBytes);
        win.position(base);
        int values = (run - r) * d;
        switch (dtype) {
          case FP32 -> win.asFloatBuffer().get(out, target[r], values);
          case FP16 -> decodeHalves(win.asShortBuffer(), out, target[r], values);
          case INT8 -> decodeInt8(win, scales, r, run, d, out, target[r]);
        }
        r = run;
      }
    }
  }

  /** Bulk-reads binary16 values in chunks and widens them through a 64K-entry table. */
  private static void decodeHalves(ShortBuffer in, float[] out, int offset, int values) {
    short[] chunk = new short[Math.min(values, 1 << 16)];
    for (int done = 0; done < values; ) {
      int len = Math.min(chunk.length, values - done);
      in.get(chunk, 0, len);
      int o = offset + done;
      for (int i = 0; i < len; i++) {
        out[o + i] = Half.toFloatFast(chunk[i]);
      }
      done += len;
    }
  }

  /** Bulk-reads the int8 rows {@code [r, run)} and multiplies each by its row's scale. */
  private static void decodeInt8(
      MappedByteBuffer in, float[] scales, int r, int run, int d, float[] out, int offset) {
    byte[] row = new byte[d];
    for (int i = r; i < run; i++) {
      in.get(row);
      float scale = scales[i];
      int o = offset + (i - r) * d;
      for (int k = 0; k < d; k++) {
        out[o + k] = row[k] * scale;
      }
    }
  }

  private static MappedByteBuffer map(FileChannel ch, long offset, long length) throws IOException {
    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    return b;
  }
}
