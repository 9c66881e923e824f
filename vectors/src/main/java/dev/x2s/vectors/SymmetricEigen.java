package dev.x2s.vectors;

/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method (numerically
 * robust and simple; O(d³) per sweep, fine for d ≤ 1024). Eigenvalues come out in decreasing order
 * with unit eigenvectors as the columns of {@link #vectors()}.
 */
public final class SymmetricEigen {
  private static final int MAX_SWEEPS = 100;

  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /**
   * Decomposes {@code a} (not modified), which must be square and symmetric.
   *
   * @throws IllegalArgumentException when {@code a} is not square or not symmetric
   */
  public static SymmetricEigen of(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("matrix is not square");
      }
      m[i] = a[i].clone();
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double scale = Math.max(1, Math.abs(m[i][j]) + Math.abs(m[j][i]));
        if (!(Math.abs(m[i][j] - m[j][i]) <= 1e-9 * scale)) {
          throw new IllegalArgumentException("matrix is not symmetric at (" + i + "," + j + ")");
        }
      }
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double diag = 0;
      for (int i = 0; i < n; i++) {
        diag += m[i][i] * m[i][i];
        for (int j = i + 1; j < n; j++) {
          off += m[i][j] * m[i][j];
        }
      }
      if (off <= 1e-30 * diag || off == 0) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(m, v, p, q);
        }
      }
    }
    // Sort by decreasing eigenvalue.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int c = 0; c < n; c++) {
      values[c] = m[order[c]][order[c]];
      for (int r = 0; r < n; r++) {
        vectors[r][c] = v[r][order[c]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /** One Jacobi rotation zeroing m[p][q] (Golub & Van Loan, Algorithm 8.4.1/8.4.2). */
  private static void rotate(double[][] m, double[][] v, int p, int q) {
    double apq = m[p][q];
    if (apq == 0) {
      return;
    }
    double tau = (m[q][q] - m[p][p]) / (2 * apq);
    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
    if (tau == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(1 + t * t);
    double s = t * c;
    int n = m.length;
    for (int k = 0; k < n; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    m[p][q] = 0;
    m[q][p] = 0;
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  /** Eigenvalues, largest first (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** Unit eigenvectors as columns, in the order of {@link #values()} (a copy). */
  public double[][] vectors() {
    double[][] c = new double[vectors.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = vectors[i].clone();
    }
    return c;
  }

  /** Eigenvector {@code i} (column i) as an array. */
  public double[] vector(int i) {
    double[] out = new double[vectors.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = vectors[r][i];
    }
    return out;
  }
}
