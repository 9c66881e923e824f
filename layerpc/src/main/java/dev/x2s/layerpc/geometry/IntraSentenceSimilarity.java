package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.math.VectorMath;

/**
 * Intra-sentence similarity of one sentence (Ethayarajh 2019, Definition 2): the mean cosine between
 * each word vector of the sentence and the sentence vector, the plain mean of its word vectors. The
 * metric of a layer is the mean of this over sentences.
 */
public final class IntraSentenceSimilarity {
  private IntraSentenceSimilarity() {}

  /**
   * @param rows the sentence's word vectors, row-major
   * @return the mean cosine to the mean row (zero rows skipped), NaN when there is no non-zero row
   *     or the mean is zero
   */
  public static double of(float[] rows, int dim) {
    int n = Rows.count(rows, dim);
    double[] mean = new double[dim];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < dim; k++) {
        mean[k] += rows[r * dim + k];
      }
    }
    for (int k = 0; k < dim; k++) {
      mean[k] /= Math.max(1, n);
    }
    if (VectorMath.norm(mean) == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (!VectorMath.isZero(rows, r * dim, dim)) {
        sum += VectorMath.cosine(rows, r * dim, mean, dim);
        m++;
      }
    }
    return m == 0 ? Double.NaN : sum / m;
  }
}
