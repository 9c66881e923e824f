package dev.x2s.x2static;

import java.util.Arrays;

/**
 * The pairs of a batch grouped by student row: the distinct rows in ascending order and, for each, its
 * pairs in batch order. Grouping lets the engine read and write every touched row once per step (and keep
 * it in L1 while all its pairs are scored) instead of once per pair; ascending order walks the matrix
 * forwards. Built in O(pairs + vocabulary/64), without a sort: a bitmap of the touched rows yields them
 * in ascending order. The buffers are reused across steps.
 */
final class RowGroups {
  private final int[] slotOfRow;
  private final long[] touched;
  private int[] rows = new int[0];
  private int[] start = new int[1];
  private int[] order = new int[0];
  private int count;

  RowGroups(int vocabulary) {
    slotOfRow = new int[vocabulary];
    touched = new long[(vocabulary + 63) / 64];
  }

  void build(int[] pairRow, int pairs) {
    if (rows.length < pairs) {
      rows = new int[pairs];
      start = new int[pairs + 1];
      order = new int[pairs];
    }
    for (int i = 0; i < pairs; i++) {
      int r = pairRow[i];
      touched[r >>> 6] |= 1L << r;
    }
    count = 0;
    for (int w = 0; w < touched.length; w++) {
      for (long bits = touched[w]; bits != 0; bits &= bits - 1) {
        int r = (w << 6) + Long.numberOfTrailingZeros(bits);
        slotOfRow[r] = count;
        rows[count++] = r;
      }
      touched[w] = 0;
    }
    Arrays.fill(start, 0, count + 1, 0);
    for (int i = 0; i < pairs; i++) {
      start[slotOfRow[pairRow[i]] + 1]++;
    }
    for (int k = 0; k < count; k++) {
      start[k + 1] += start[k];
    }
    // fill: 'next' positions reuse start shifted by one, restored afterwards
    for (int i = 0; i < pairs; i++) {
      int k = slotOfRow[pairRow[i]];
      order[start[k]++] = i;
    }
    for (int k = count; k > 0; k--) {
      start[k] = start[k - 1];
    }
    start[0] = 0;
  }

  /** Largest row id + 1 this table accepts. */
  int capacity() {
    return slotOfRow.length;
  }

  /** Distinct rows of the batch. */
  int count() {
    return count;
  }

  /** The k-th distinct row, ascending. */
  int row(int k) {
    return rows[k];
  }

  /** First position in {@link #pair} of row k's pairs; row k's end is {@code from(k + 1)}. */
  int from(int k) {
    return start[k];
  }

  /** The batch index of the j-th grouped pair. */
  int pair(int j) {
    return order[j];
  }
}
