package dev.x2s.baselines.glove;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sums the weights of (word, context) pairs within a fixed memory budget — the role of the dense array
 * plus overflow buffer of GloVe's {@code cooccur.c}. Pairs live in an open-addressing hash table of
 * {@code long} keys ({@code word << 32 | context}) and {@code double} sums. When the table holds its
 * maximum number of pairs, they are written to a temporary run file sorted by key and the table is
 * emptied; {@link #drain} merges the runs and the table's remainder (k-way merge, equal keys summed),
 * emitting every distinct pair once, in ascending (word, context) order.
 *
 * <p><b>Memory bound:</b> {@code slots} = the largest power of two with 22 × slots ≤ the budget (8 B key +
 * 8 B sum per slot, plus an 8 B sort buffer for the at most ¾ × slots pairs held), so the heap used is at
 * most the budget; the merge adds a 64 KiB read buffer per run. Runs take 16 B per spilled pair on disk.
 */
final class PairAccumulator implements AutoCloseable {
  static final int BYTES_PER_SLOT = 8 + 8 + 6;
  private static final long EMPTY = -1L;
  private static final int MIN_SLOTS = 4;

  private final long[] keys;
  private final double[] sums;
  private final long[] sortBuffer;
  private final int shift;
  private final int maxEntries;
  private final Path tempDir;
  private final List<Path> runs = new ArrayList<>();
  private int size;
  private long spilledPairs;

  PairAccumulator(long memoryBytes, Path tempDir) {
    long wanted = Math.max(MIN_SLOTS, Math.min(1L << 30, memoryBytes / BYTES_PER_SLOT));
    int slots = Integer.highestOneBit((int) wanted);
    this.keys = new long[slots];
    this.sums = new double[slots];
    this.maxEntries = slots / 4 * 3;
    this.sortBuffer = new long[maxEntries];
    this.shift = 64 - Integer.numberOfTrailingZeros(slots);
    this.tempDir = tempDir;
    Arrays.fill(keys, EMPTY);
  }

  /** Slots of the hash table (a power of two). */
  int slots() {
    return keys.length;
  }

  /** Run files written so far. */
  int spills() {
    return runs.size();
  }

  /** Pairs written to run files so far (the same pair may be counted in several runs). */
  long spilledPairs() {
    return spilledPairs;
  }

  /** Adds {@code weight} to the pair (word, context); both ids must be non-negative. */
  void add(int word, int context, double weight) {
    long key = ((long) word << 32) | context;
    int slot = slot(key);
    while (true) {
      long k = keys[slot];
      if (k == key) {
        sums[slot] += weight;
        return;
      }
      if (k == EMPTY) {
        keys[slot] = key;
        sums[slot] = weight;
        if (++size == maxEntries) {
          spill();
        }
        return;
      }
      slot = (slot + 1) & (keys.length - 1);
    }
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing: high bits of the product
  }

  private double sum(long key) {
    int slot = slot(key);
    while (keys[slot] != key) {
      slot = (slot + 1) & (keys.length - 1);
    }
    return sums[slot];
  }

  /** Sorts the table's keys into {@code sortBuffer}; returns how many. */
  private int sortKeys() {
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        sortBuffer[n++] = k;
      }
    }
    Arrays.sort(sortBuffer, 0, n);
    return n;
  }

  private void spill() {
    int n = sortKeys();
    Path run = null;
    try {
      run = tempDir == null ? Files.createTempFile("x2s-glove-run", ".bin")
          : Files.createTempFile(tempDir, "x2s-glove-run", ".bin");
      runs.add(run);
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
        for (int i = 0; i < n; i++) {
          out.writeLong(sortBuffer[i]);
          out.writeDouble(sum(sortBuffer[i]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("spilling co-occurrence pairs to "
          + (run != null ? run : "a temporary file in " + (tempDir != null ? tempDir : "the default temp dir")), e);
    }
    spilledPairs += n;
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  /**
   * Emits every distinct pair with its total, in ascending (word, context) order, and returns how many.
   * The accumulator must not be used afterwards except to {@link #close} it.
   */
  long drain(PairSink sink) throws IOException {
    int n = sortKeys();
    List<SortedPairs> sources = new ArrayList<>(runs.size() + 1);
    try {
      sources.add(SortedPairs.ofArray(sortBuffer, n, this::sum));
      for (Path run : runs) {
        sources.add(SortedPairs.ofRun(run));
      }
      return SortedPairs.merge(sources, sink);
    } finally {
      for (SortedPairs s : sources) {
        s.close();
      }
    }
  }

  /** Deletes the run files. */
  @Override
  public void close() throws IOException {
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
    runs.clear();
  }
}
