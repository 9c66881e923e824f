package dev.x2s.vectors;

import dev.x2s.vectors.math.VectorMath;
import java.util.stream.IntStream;

/**
 * "All-but-the-top" post-processing (Mu &amp; Viswanath, ICLR 2018, Algorithm 1): subtract the mean
 * vector, then remove from each centred vector its projections on the top D principal directions
 * of the centred matrix. The directions are the leading eigenvectors of the d × d covariance,
 * computed with {@link SymmetricEigen}. (The paper's step 3 writes the projection of the
 * uncentred v(w); we project the centred vector, as the common implementations do, so that the
 * output is exactly orthogonal to the removed directions.)
 */
public final class AllButTheTop {
  private AllButTheTop() {}

  /** The paper's recommendation D ≈ d/100, rounded, at least 1. */
  public static int defaultComponents(int dim) {
    return (int) Math.max(1, Math.round(dim / 100.0));
  }

  /** Applies the post-processing with {@link #defaultComponents}. */
  public static WordVectors apply(WordVectors vectors) {
    return apply(vectors, defaultComponents(vectors.dim()));
  }

  /**
   * Applies the post-processing removing {@code components} directions (0: only centring).
   *
   * @throws IllegalArgumentException when {@code components} is negative or above the dimension
   */
  public static WordVectors apply(WordVectors vectors, int components) {
    return apply(vectors, components, vectors.size());
  }

  /**
   * As {@link #apply(WordVectors, int)}, with the mean and the directions fitted on the first {@code fitRows}
   * rows only (in a frequency-ordered file, the frequent words: their statistics are stable, and a long tail
   * of rare words, whose vectors come from another source, does not steer them), then applied to every row.
   */
  public static WordVectors apply(WordVectors vectors, int components, int fitRows) {
    int dim = vectors.dim();
    if (components < 0 || components > dim) {
      throw new IllegalArgumentException("components must be in [0, " + dim + "]: " + components);
    }
    if (fitRows < 1) {
      throw new IllegalArgumentException("fit rows must be >= 1: " + fitRows);
    }
    WordVectors fit = fitRows >= vectors.size() ? vectors : vectors.head(fitRows);
    double[] mean = mean(fit);
    double[][] u = new double[components][];
    if (components > 0) {
      SymmetricEigen eig = SymmetricEigen.of(covariance(fit, mean));
      for (int i = 0; i < components; i++) {
        u[i] = eig.vector(i);
      }
    }
    float[] m = vectors.matrix();
    float[] out = new float[m.length];
    IntStream.range(0, vectors.size())
        .parallel()
        .forEach(
            r -> {
              double[] y = new double[dim];
              int o = r * dim;
              for (int k = 0; k < dim; k++) {
                y[k] = m[o + k] - mean[k];
              }
              for (double[] ui : u) {
                double dot = VectorMath.dot(ui, y);
                for (int k = 0; k < dim; k++) {
                  y[k] -= dot * ui[k];
                }
              }
              for (int k = 0; k < dim; k++) {
                out[o + k] = (float) y[k];
              }
            });
    return vectors.withMatrix(out);
  }

  /** The mean row in double precision. */
  public static double[] mean(WordVectors vectors) {
    int dim = vectors.dim();
    int n = vectors.size();
    float[] m = vectors.matrix();
    double[] sum = new double[dim];
    for (int r = 0; r < n; r++) {
      int o = r * dim;
      for (int k = 0; k < dim; k++) {
        sum[k] += m[o + k];
      }
    }
    for (int k = 0; k < dim; k++) {
      sum[k] /= Math.max(1, n);
    }
    return sum;
  }

  /**
   * The covariance {@code (1/n) Σ (x−μ)(x−μ)ᵀ} of the rows, accumulated in double over row ranges
   * in parallel.
   */
  public static double[][] covariance(WordVectors vectors, double[] mean) {
    int dim = vectors.dim();
    int n = vectors.size();
    float[] m = vectors.matrix();
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 1024));
    double[][] partial =
        IntStream.range(0, parts)
            .parallel()
            .mapToObj(
                p -> {
                  double[] c = new double[dim * dim];
                  double[] y = new double[dim];
                  int r0 = (int) ((long) n * p / parts);
                  int r1 = (int) ((long) n * (p + 1) / parts);
                  for (int r = r0; r < r1; r++) {
                    int o = r * dim;
                    for (int k = 0; k < dim; k++) {
                      y[k] = m[o + k] - mean[k];
                    }
                    for (int j = 0; j < dim; j++) {
                      double a = y[j];
                      int co = j * dim;
                      for (int k = j; k < dim; k++) {
                        c[co + k] += a * y[k];
                      }
                    }
                  }
                  return c;
                })
            .toArray(double[][]::new);
    double[][] cov = new double[dim][dim];
    for (int j = 0; j < dim; j++) {
      for (int k = j; k < dim; k++) {
        double s = 0;
        for (double[] c : partial) {
          s += c[j * dim + k];
        }
        cov[j][k] = s / Math.max(1, n);
        cov[k][j] = cov[j][k];
      }
    }
    return cov;
  }
}
