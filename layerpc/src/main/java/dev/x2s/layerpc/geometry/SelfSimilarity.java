package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.math.VectorMath;

/**
 * Self-similarity (Ethayarajh 2019, Definition 1): the mean cosine similarity between the vectors of
 * a word's different occurrences, over all pairs {@code i ≠ j}. The released code averages over
 * ordered pairs (both {@code (i,j)} and {@code (j,i)}), which equals the mean over unordered pairs
 * because cosine is symmetric; it samples 1,000 pairs for frequent words, we use them all.
 */
public final class SelfSimilarity {
  private SelfSimilarity() {}

  /**
   * Mean pairwise cosine among the rows. Zero rows have no cosine and are skipped (as the released
   * code's {@code nanmean}).
   *
   * @return the mean, or NaN when fewer than two non-zero rows
   */
  public static double of(float[] rows, int dim) {
    int n = Rows.count(rows, dim);
    // Σ_{i≠j} û_i·û_j = |Σ û_i|² − m over the m unit rows: O(n·dim) instead of O(n²·dim).
    double[] sum = new double[dim];
    int m = 0;
    for (int r = 0; r < n; r++) {
      double norm = VectorMath.norm(rows, r * dim, dim);
      if (norm == 0) {
        continue;
      }
      m++;
      int o = r * dim;
      for (int k = 0; k < dim; k++) {
        sum[k] += rows[o + k] / norm;
      }
    }
    if (m < 2) {
      return Double.NaN;
    }
    double s2 = 0;
    for (double x : sum) {
      s2 += x * x;
    }
    return (s2 - m) / ((double) m * (m - 1));
  }
}
