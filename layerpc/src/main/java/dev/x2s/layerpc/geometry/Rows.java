package dev.x2s.layerpc.geometry;

/** Row-major float matrices: their row count and double copies (vector math is {@code VectorMath}). */
final class Rows {
  private Rows() {}

  static int count(float[] rows, int dim) {
    if (dim <= 0 || rows.length % dim != 0) {
      throw new IllegalArgumentException(rows.length + " values are not whole rows of dimension " + dim);
    }
    return rows.length / dim;
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
