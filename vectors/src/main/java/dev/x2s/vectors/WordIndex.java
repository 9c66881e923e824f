package dev.x2s.vectors;

/**
 * Word → row lookup by open addressing (linear probing) over two flat arrays: no per-entry node or
 * boxed row, which matters when a load indexes hundreds of thousands of words.
 */
final class WordIndex {
  private String[] keys;
  private int[] hashes;
  private int[] rows;
  private int size;
  private int mask;

  WordIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    keys = new String[cap];
    hashes = new int[cap];
    rows = new int[cap];
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
      String s = keys[i];
      if (s == null) {
        return -1;
      }
      if (hashes[i] == h && s.equals(word)) {
        return rows[i];
      }
    }
  }

  /** Adds {@code word → row} unless present; returns the existing row, or -1 when added. */
  int putIfAbsent(String word, int row) {
    int h = hash(word);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String s = keys[i];
      if (s == null) {
        keys[i] = word;
        hashes[i] = h;
        rows[i] = row;
        if (++size * 2 > keys.length) {
          grow();
        }
        return -1;
      }
      if (hashes[i] == h && s.equals(word)) {
        return rows[i];
      }
    }
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldRows = rows;
    keys = new String[oldKeys.length * 2];
    hashes = new int[keys.length];
    rows = new int[keys.length];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String s = oldKeys[j];
      if (s != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = s;
        hashes[i] = oldHashes[j];
        rows[i] = oldRows[j];
      }
    }
  }
}
