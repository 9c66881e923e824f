package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.SymmetricEigen;
import dev.x2s.vectors.math.VectorMath;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Maximum explainable variance (MEV, Ethayarajh 2019, Definition 3): the share of a set of vectors'
 * variance that its first principal component explains, σ₁² / Σσᵢ² of the occurrence matrix. Three
 * variants are computed because the paper and its released code disagree (see docs/GEOMETRY.md):
 *
 * <ul>
 *   <li>{@link #centred}: σ's of the column-centred matrix, i.e. scikit-learn
 *       {@code PCA(n_components=1).explained_variance_ratio_[0]} (the released code's current word MEV);
 *   <li>{@link #uncentred}: σ's of the raw matrix, the paper's formula taken literally;
 *   <li>{@link #truncatedSvd}: scikit-learn {@code TruncatedSVD.explained_variance_ratio_[0]}: the
 *       variance of the projections on the raw matrix's first right singular vector over the total
 *       (centred) variance of the columns — what produced the released CSVs and the paper's figures.
 * </ul>
 */
public final class ExplainedVariance {
  private ExplainedVariance() {}

  /** The three variants of one set of rows. */
  public record Mev(double centred, double uncentred, double truncatedSvd) {}

  /** All three variants (two eigen-decompositions of the smaller Gram matrix). */
  public static Mev of(float[] rows, int dim) {
    double[][] raw = Rows.toDouble(rows, dim, false);
    Top top = top(raw, dim);
    return new Mev(centred(rows, dim), top.ratio(), truncatedSvd(raw, top.v1()));
  }

  /** σ₁² / Σσᵢ² of the column-centred rows; NaN when they have no variance. */
  public static double centred(float[] rows, int dim) {
    return top(Rows.toDouble(rows, dim, true), dim).ratio();
  }

  /** σ₁² / Σσᵢ² of the raw rows; NaN when all are zero. */
  public static double uncentred(float[] rows, int dim) {
    return top(Rows.toDouble(rows, dim, false), dim).ratio();
  }

  /** scikit-learn's {@code TruncatedSVD} first explained-variance ratio; NaN without variance. */
  public static double truncatedSvd(float[] rows, int dim) {
    double[][] raw = Rows.toDouble(rows, dim, false);
    return truncatedSvd(raw, top(raw, dim).v1());
  }

  private static double truncatedSvd(double[][] x, double[] v1) {
    int n = x.length;
    if (n == 0 || v1 == null) {
      return Double.NaN;
    }
    int dim = v1.length;
    double[] p = new double[n];
    for (int r = 0; r < n; r++) {
      p[r] = VectorMath.dot(x[r], v1);
    }
    double total = 0;
    double[][] centred = new double[n][];
    for (int r = 0; r < n; r++) {
      centred[r] = x[r].clone();
    }
    double[] mean = new double[dim];
    for (double[] row : centred) {
      for (int k = 0; k < dim; k++) {
        mean[k] += row[k] / n;
      }
    }
    for (double[] row : centred) {
      for (int k = 0; k < dim; k++) {
        double d = row[k] - mean[k];
        total += d * d;
      }
    }
    double pm = 0;
    for (double v : p) {
      pm += v / n;
    }
    double pv = 0;
    for (double v : p) {
      pv += (v - pm) * (v - pm);
    }
    return total == 0 ? Double.NaN : pv / total;
  }

  /** λ₁ and trace of XᵀX, and its top unit eigenvector (X's first right singular vector). */
  private record Top(double lambda1, double trace, double[] v1) {
    double ratio() {
      return trace == 0 ? Double.NaN : lambda1 / trace;
    }
  }

  private static Top top(double[][] x, int dim) {
    int n = x.length;
    if (n == 0) {
      return new Top(0, 0, null);
    }
    if (n <= dim) {
      // XXᵀ (n × n) has the same non-zero eigenvalues as XᵀX; v₁ = Xᵀu₁ / |Xᵀu₁|.
      double[][] g = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          double s = VectorMath.dot(x[i], x[j]);
          g[i][j] = s;
          g[j][i] = s;
        }
      }
      double trace = 0;
      for (int i = 0; i < n; i++) {
        trace += g[i][i];
      }
      if (trace == 0) {
        return new Top(0, 0, null);
      }
      Top1 eig = top1(g);
      double[] u = eig.vector();
      double[] v = new double[dim];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < dim; k++) {
          v[k] += x[i][k] * u[i];
        }
      }
      double norm = VectorMath.norm(v);
      for (int k = 0; k < dim; k++) {
        v[k] /= norm;
      }
      return new Top(eig.value(), trace, v);
    }
    double[][] c = new double[dim][dim];
    for (double[] row : x) {
      for (int j = 0; j < dim; j++) {
        double a = row[j];
        for (int k = j; k < dim; k++) {
          c[j][k] += a * row[k];
        }
      }
    }
    double trace = 0;
    for (int j = 0; j < dim; j++) {
      trace += c[j][j];
      for (int k = 0; k < j; k++) {
        c[j][k] = c[k][j];
      }
    }
    if (trace == 0) {
      return new Top(0, 0, null);
    }
    Top1 eig = top1(c);
    return new Top(eig.value(), trace, eig.vector());
  }

  /** Largest eigenvalue and its unit eigenvector of a symmetric matrix. */
  private record Top1(double value, double[] vector) {}

  /** Matrices above this size go to commons-math's Householder/QL solver (Jacobi is O(n³) per sweep). */
  private static final int JACOBI_MAX = 32;

  private static Top1 top1(double[][] a) {
    if (a.length <= JACOBI_MAX) {
      SymmetricEigen eig = SymmetricEigen.of(a);
      return new Top1(eig.values()[0], eig.vector(0));
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
    double[] values = eig.getRealEigenvalues();
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return new Top1(values[best], eig.getEigenvector(best).toArray());
  }
}
