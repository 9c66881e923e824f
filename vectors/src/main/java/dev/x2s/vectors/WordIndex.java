package dev.x2s.vectors;

import java.util.Arrays;

/**
 * Word → row lookup by open addressing (linear probing). Each slot is one {@code long} holding the
 * word's 32-bit hash and its row + 1 (0 = empty), so an insert of a new word touches a single
 * random cache line: the words themselves sit in a dense array by row and are compared only when
 * the hashes agree. No per-entry nodes or boxed rows; loading 341k words this way is several times
 * faster than a {@code HashMap}, which matters for x2v loads.
 */
final class WordIndex {
  private long[] slots;
  private String[] keys;
  private int size;
  private int mask;

  WordIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    slots = new long[cap];
    keys = new String[Math.max(16, expected)];
    mask = cap - 1;
  }

  private static int hash(String w) {
    int h = w.hashCode() * 0x9E3779B9; // spread the low bits of String's polynomial hash
    return h ^ (h >>> 16);
  }

  int size() {
    return size;
  }

  /** The row of {@code word}, or -1. */
  int get(String word) {
    int h = hash(word);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == h) {
        int row = (int) s - 1;
        if (keys[row].equals(word)) {
          return row;
        }
      }
    }
  }

  /**
   * Adds {@code word} as the next row ({@link #size()} before the call) unless present; returns
   * the existing row, or -1 when added.
   */
  int add(String word) {
    int h = hash(word);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        if (size == keys.length) {
          keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[size] = word;
        slots[i] = ((long) h << 32) | (size + 1L);
        if (++size * 2 > slots.length) {
          grow();
        }
        return -1;
      }
      if ((int) (s >>> 32) == h) {
        int row = (int) s - 1;
        if (keys[row].equals(word)) {
          return row;
        }
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length - 1;
    for (long s : old) {
      if (s != 0) {
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }
}
