package dev.x2s.layerpc.geometry;

import java.util.Arrays;

/**
 * One layer's occurrence vectors of every word, with a flat index over all occurrences so that
 * "a uniformly random occurrence" is one draw.
 */
final class LayerData {
  final int dim;
  final float[][] rows;
  final long[][] sentences;
  private final long[] offsets;

  LayerData(int dim, float[][] rows, long[][] sentences) {
    this.dim = dim;
    this.rows = rows;
    this.sentences = sentences;
    offsets = new long[rows.length + 1];
    for (int w = 0; w < rows.length; w++) {
      offsets[w + 1] = offsets[w] + sentences[w].length;
    }
  }

  long total() {
    return offsets[offsets.length - 1];
  }

  /** Word index of flat occurrence {@code i}. */
  int word(long i) {
    int p = Arrays.binarySearch(offsets, i);
    if (p >= 0) {
      // offsets may repeat (words without occurrences): take the last word starting at i
      while (p + 1 < offsets.length && offsets[p + 1] == i) {
        p++;
      }
      return p;
    }
    return -p - 2;
  }

  /** Row within its word of flat occurrence {@code i}. */
  int row(long i, int word) {
    return (int) (i - offsets[word]);
  }

  /** Copies the given flat occurrences into one row-major matrix. */
  float[] gather(long[] flat) {
    float[] out = new float[flat.length * dim];
    for (int j = 0; j < flat.length; j++) {
      int w = word(flat[j]);
      System.arraycopy(rows[w], row(flat[j], w) * dim, out, j * dim, dim);
    }
    return out;
  }
}
