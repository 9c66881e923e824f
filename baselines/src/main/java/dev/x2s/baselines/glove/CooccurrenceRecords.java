package dev.x2s.baselines.glove;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The co-occurrence records GloVe trains on — (word, context, X) as int, int, float (12 bytes, big
 * endian) — in a temporary file that is memory-mapped, so the records take page cache rather than heap
 * (the C tools likewise stream them from {@code cooccurrence.shuf.bin}). Reads are thread-safe; the file
 * is deleted on {@link #close}.
 */
final class CooccurrenceRecords implements AutoCloseable {
  static final int RECORD_BYTES = 12;
  private static final int SEGMENT_SHIFT = 27; // 2^27 records = 1.5 GiB per mapping (a mapping is < 2 GiB)
  private static final long SEGMENT_MASK = (1L << SEGMENT_SHIFT) - 1;

  private final Path file;
  private final long count;
  private final MappedByteBuffer[] segments;

  private CooccurrenceRecords(Path file, long count) throws IOException {
    this.file = file;
    this.count = count;
    int n = (int) ((count + SEGMENT_MASK) >>> SEGMENT_SHIFT);
    segments = new MappedByteBuffer[n];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (int s = 0; s < n; s++) {
        long first = (long) s << SEGMENT_SHIFT;
        long records = Math.min(count - first, 1L << SEGMENT_SHIFT);
        segments[s] = ch.map(FileChannel.MapMode.READ_WRITE, first * RECORD_BYTES, records * RECORD_BYTES);
      }
    }
  }

  /** Drains {@code pairs} (every distinct pair, in key order) into a new record file in {@code tempDir}. */
  static CooccurrenceRecords from(PairAccumulator pairs, Path tempDir) throws IOException {
    Path file = tempDir == null ? Files.createTempFile("x2s-glove-cooccur", ".bin")
        : Files.createTempFile(tempDir, "x2s-glove-cooccur", ".bin");
    boolean ok = false;
    try {
      long n;
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        n = pairs.drain((word, context, value) -> {
          out.writeInt(word);
          out.writeInt(context);
          out.writeFloat((float) value);
        });
      }
      CooccurrenceRecords r = new CooccurrenceRecords(file, n);
      ok = true;
      return r;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
  }

  long size() {
    return count;
  }

  int word(long r) {
    return segments[(int) (r >>> SEGMENT_SHIFT)].getInt((int) (r & SEGMENT_MASK) * RECORD_BYTES);
  }

  int context(long r) {
    return segments[(int) (r >>> SEGMENT_SHIFT)].getInt((int) (r & SEGMENT_MASK) * RECORD_BYTES + 4);
  }

  float value(long r) {
    return segments[(int) (r >>> SEGMENT_SHIFT)].getFloat((int) (r & SEGMENT_MASK) * RECORD_BYTES + 8);
  }

  /**
   * Fisher–Yates shuffle of all records (the C {@code shuffle} tool shuffles chunks and interleaves them,
   * an approximation of this for files larger than memory).
   */
  void shuffle(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (long i = count - 1; i > 0; i--) {
      long j = rng.nextLong(i + 1);
      MappedByteBuffer si = segments[(int) (i >>> SEGMENT_SHIFT)];
      MappedByteBuffer sj = segments[(int) (j >>> SEGMENT_SHIFT)];
      int oi = (int) (i & SEGMENT_MASK) * RECORD_BYTES;
      int oj = (int) (j & SEGMENT_MASK) * RECORD_BYTES;
      long pi = si.getLong(oi);
      int vi = si.getInt(oi + 8);
      si.putLong(oi, sj.getLong(oj));
      si.putInt(oi + 8, sj.getInt(oj + 8));
      sj.putLong(oj, pi);
      sj.putInt(oj + 8, vi);
    }
  }

  /** Deletes the file (the mappings are released when collected). */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
