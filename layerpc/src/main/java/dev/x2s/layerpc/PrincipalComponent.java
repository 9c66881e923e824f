package dev.x2s.layerpc;

import dev.x2s.vectors.math.VectorMath;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The top right singular vector of a small matrix (a word's occurrences × dim), as used by Ethayarajh
 * (2019) for a word's static vector: the unit direction {@code v} maximising {@code ‖X v‖}.
 *
 * <p>Uncentred by default, as in the paper's released code (scikit-learn {@code TruncatedSVD}, which
 * does not centre); {@code centred} subtracts the row mean first (classic PCA). The sign of a singular
 * vector is arbitrary; we fix it so that {@code v · mean(X) > 0} (mean of the uncentred rows), or, when
 * that dot product is exactly zero, so that the first non-zero component is positive.
 *
 * <p>Method: with {@code n} rows (n ≤ the sample size, 100 by default) and {@code d ≫ n} columns it is
 * cheaper to work on the {@code n × n} Gram matrix {@code G = X Xᵀ}: its top eigenvector {@code u} gives
 * {@code v = Xᵀu / ‖Xᵀu‖}. {@code u} comes from power iteration started at {@code G·1} (converges in tens
 * of steps when the top singular value stands out, which is the anisotropic case of contextual vectors);
 * when it has not converged after {@value #MAX_ITERATIONS} steps the Gram matrix is fully decomposed
 * instead (commons-math {@code EigenDecomposition}; about 4 ms for 100 × 100). All arithmetic is in double, in a fixed order: the result is deterministic.
 */
public final class PrincipalComponent {
  static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-13;

  private PrincipalComponent() {}

  /**
   * @param x row-major {@code n × dim}
   * @return the unit top right singular vector, or {@code null} when the (centred) matrix is zero
   */
  public static float[] top(float[] x, int n, int dim, boolean centred) {
    if (n < 1 || (long) n * dim != x.length) {
      throw new IllegalArgumentException(n + " rows × " + dim + " for " + x.length + " values");
    }
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += x[i * dim + d];
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= n;
    }
    double[][] rows = new double[n][dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        rows[i][d] = centred ? x[i * dim + d] - mean[d] : x[i * dim + d];
      }
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = dot4(rows[i], rows[j]);
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    double[] u = topEigenvector(g);
    if (u == null) {
      return null;
    }
    double[] v = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        v[d] += u[i] * rows[i][d];
      }
    }
    double norm = VectorMath.norm(v);
    if (!(norm > 0)) {
      return null;
    }
    double sign = Math.signum(VectorMath.dot(v, mean));
    if (sign == 0) {
      sign = 1;
      for (double c : v) {
        if (c != 0) {
          sign = Math.signum(c);
          break;
        }
      }
    }
    float[] out = new float[dim];
    for (int d = 0; d < dim; d++) {
      out[d] = (float) (sign * v[d] / norm);
    }
    return out;
  }

  /** Unit eigenvector of the largest eigenvalue of a symmetric PSD matrix, or null if it is zero. */
  static double[] topEigenvector(double[][] g) {
    int n = g.length;
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        u[i] += g[i][j];
      }
    }
    if (!normalize(u)) {
      // G·1 = 0 (rows summing to zero, as centred rows do): start from the largest diagonal's basis vector
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (g[i][i] > g[best][best]) {
          best = i;
        }
      }
      if (!(g[best][best] > 0)) {
        return null;
      }
      u[best] = 1;
    }
    double[] w = new double[n];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += g[i][j] * u[j];
        }
        w[i] = s;
      }
      if (!normalize(w)) {
        break;
      }
      double diff = 0;
      for (int i = 0; i < n; i++) {
        diff = Math.max(diff, Math.abs(w[i] - u[i]));
      }
      double[] t = u;
      u = w;
      w = t;
      if (diff < TOLERANCE) {
        return u;
      }
    }
    // small gap: a full symmetric eigendecomposition (Householder tridiagonalisation + implicit QL)
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(g, false));
    double[] values = e.getRealEigenvalues();
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    if (!(values[best] > 0)) {
      return null;
    }
    return e.getEigenvector(best).toArray();
  }

  /** Dot product with four independent accumulators (4× the throughput of one dependent chain). */
  static double dot4(double[] a, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = a.length;
    int d = 0;
    for (; d + 3 < n; d += 4) {
      s0 += a[d] * b[d];
      s1 += a[d + 1] * b[d + 1];
      s2 += a[d + 2] * b[d + 2];
      s3 += a[d + 3] * b[d + 3];
    }
    for (; d < n; d++) {
      s0 += a[d] * b[d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static boolean normalize(double[] a) {
    double s = VectorMath.norm(a);
    if (!(s > 0)) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] /= s;
    }
    return true;
  }
}
