package dev.x2s.layerpc.geometry;

/** Small double-precision helpers over row-major float matrices. */
final class Rows {
  private Rows() {}

  static int count(float[] rows, int dim) {
    if (dim <= 0 || rows.length % dim != 0) {
      throw new IllegalArgumentException(rows.length + " values are not whole rows of dimension " + dim);
    }
    return rows.length / dim;
  }

  static double norm(float[] rows, int row, int dim) {
    double s = 0;
    int o = row * dim;
    for (int k = 0; k < dim; k++) {
      s += (double) rows[o + k] * rows[o + k];
    }
    return Math.sqrt(s);
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** Cosine of two rows; NaN when either is the zero vector (as scipy's {@code 1 - cosine}). */
  static double cosine(float[] a, int rowA, float[] b, int rowB, int dim) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    int oa = rowA * dim;
    int ob = rowB * dim;
    for (int k = 0; k < dim; k++) {
      double x = a[oa + k];
      double y = b[ob + k];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
  }

  /** Cosine of a row with a double vector; NaN when either is zero. */
  static double cosine(float[] a, int row, double[] v, int dim) {
    double dot = 0;
    double na = 0;
    double nv = 0;
    int o = row * dim;
    for (int k = 0; k < dim; k++) {
      double x = a[o + k];
      dot += x * v[k];
      na += x * x;
      nv += v[k] * v[k];
    }
    return na == 0 || nv == 0 ? Double.NaN : dot / Math.sqrt(na * nv);
  }

  /** The rows as a double matrix, minus the column means when {@code centre}. */
  static double[][] toDouble(float[] rows, int dim, boolean centre) {
    int n = count(rows, dim);
    double[][] x = new double[n][dim];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < dim; k++) {
        x[r][k] = rows[r * dim + k];
      }
    }
    if (centre && n > 0) {
      double[] mean = new double[dim];
      for (double[] row : x) {
        for (int k = 0; k < dim; k++) {
          mean[k] += row[k];
        }
      }
      for (int k = 0; k < dim; k++) {
        mean[k] /= n;
      }
      for (double[] row : x) {
        for (int k = 0; k < dim; k++) {
          row[k] -= mean[k];
        }
      }
    }
    return x;
  }
}
