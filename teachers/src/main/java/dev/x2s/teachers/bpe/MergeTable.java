package dev.x2s.teachers.bpe;

import java.util.Arrays;

/**
 * Open-addressing map from a symbol pair {@code (left, right)} (vocabulary ids) to its merge rank and
 * the id of the merged symbol. Avoids boxing on the BPE inner loop.
 */
final class MergeTable {
  private final long[] keys;
  private final int[] ranks;
  private final int[] merged;
  private final int mask;
  private int size;

  MergeTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1L);
    ranks = new int[cap];
    merged = new int[cap];
    mask = cap - 1;
  }

  private static long key(int left, int right) {
    return ((long) left << 32) | (right & 0xffffffffL);
  }

  private int slot(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** Adds a merge; returns false if the pair was already present (the earlier rank is kept). */
  boolean put(int left, int right, int rank, int mergedId) {
    if (size * 2 >= keys.length) {
      throw new IllegalStateException("merge table full");
    }
    long k = key(left, right);
    int i = slot(k);
    while (keys[i] != -1L) {
      if (keys[i] == k) {
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    ranks[i] = rank;
    merged[i] = mergedId;
    size++;
    return true;
  }

  /** The slot of the pair, or -1 when the pair is not a merge. */
  int find(int left, int right) {
    long k = key(left, right);
    int i = slot(k);
    while (true) {
      long s = keys[i];
      if (s == k) {
        return i;
      }
      if (s == -1L) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int rank(int slot) {
    return ranks[slot];
  }

  int merged(int slot) {
    return merged[slot];
  }

  int size() {
    return size;
  }
}
