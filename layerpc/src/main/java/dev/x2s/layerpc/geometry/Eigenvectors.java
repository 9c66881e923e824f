package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.SymmetricEigen;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Unit eigenvectors of a symmetric matrix: {@link SymmetricEigen} (Jacobi) for small matrices, and
 * commons-math's Householder/QL solver above {@link #JACOBI_MAX}, where Jacobi's O(n³) sweeps take
 * tens of seconds at n = 768 (measured: 35 s per decomposition on the shared 2-core machine).
 */
final class Eigenvectors {
  static final int JACOBI_MAX = 128;

  private Eigenvectors() {}

  /** The eigenvectors as rows, largest eigenvalue first. */
  static double[][] rows(double[][] a) {
    int n = a.length;
    double[][] out = new double[n][];
    if (n <= JACOBI_MAX) {
      SymmetricEigen eig = SymmetricEigen.of(a);
      for (int i = 0; i < n; i++) {
        out[i] = eig.vector(i);
      }
      return out;
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
    for (int i = 0; i < n; i++) {
      out[i] = eig.getEigenvector(order[i]).toArray();
    }
    return out;
  }
}
