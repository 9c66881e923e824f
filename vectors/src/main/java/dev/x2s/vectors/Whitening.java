package dev.x2s.vectors;

import dev.x2s.vectors.math.VectorMath;
import java.util.stream.IntStream;

/**
 * Whitening (Su et al. 2021, "Whitening Sentence Representations for Better Semantics and Faster
 * Retrieval"; the PCA whitening of statistics): x̃ = (x − μ) U Λ^{−1/2}, with Σ = U Λ Uᵀ the covariance
 * of the rows — every direction gets unit variance and the mean is removed, so the set is isotropic in
 * the second-moment sense. Keeping only the first {@code dims} columns of U is their dimension
 * reduction; by default all are kept, which leaves the vectors in the eigenbasis (cosines are the same
 * as ZCA whitening's, U being orthogonal).
 *
 * <p>Directions whose variance is at most {@link #RELATIVE_FLOOR} × the largest (a rank-deficient set,
 * e.g. fewer words than dimensions) carry only rounding noise: they are set to 0 instead of being
 * blown up. Deterministic: no randomness, eigenvectors from {@link SymmetricEigen}.
 */
public final class Whitening {
  /** Eigenvalues ≤ this × the largest are treated as zero variance. */
  public static final double RELATIVE_FLOOR = 1e-9;

  private Whitening() {}

  /** Whitens keeping every dimension. */
  public static WordVectors apply(WordVectors vectors) {
    return apply(vectors, vectors.dim());
  }

  /**
   * Whitens and keeps the {@code dims} directions of largest variance.
   *
   * @throws IllegalArgumentException when {@code dims} is not in [1, dim]
   */
  public static WordVectors apply(WordVectors vectors, int dims) {
    int dim = vectors.dim();
    if (dims < 1 || dims > dim) {
      throw new IllegalArgumentException("whitening dimensions must be in [1, " + dim + "]: " + dims);
    }
    double[] mean = AllButTheTop.mean(vectors);
    SymmetricEigen eig = SymmetricEigen.of(AllButTheTop.covariance(vectors, mean));
    double[] lambda = eig.values();
    double floor = RELATIVE_FLOOR * Math.max(0, lambda[0]);
    double[][] w = new double[dims][];
    for (int i = 0; i < dims; i++) {
      double scale = lambda[i] > floor && lambda[i] > 0 ? 1 / Math.sqrt(lambda[i]) : 0;
      w[i] = eig.vector(i);
      for (int k = 0; k < dim; k++) {
        w[i][k] *= scale;
      }
    }
    float[] m = vectors.matrix();
    float[] out = new float[vectors.size() * dims];
    IntStream.range(0, vectors.size()).parallel().forEach(r -> {
      double[] y = new double[dim];
      for (int k = 0; k < dim; k++) {
        y[k] = m[r * dim + k] - mean[k];
      }
      for (int i = 0; i < dims; i++) {
        out[r * dims + i] = (float) VectorMath.dot(w[i], y);
      }
    });
    return new WordVectors(vectors.words().toArray(String[]::new), out, dims);
  }
}
