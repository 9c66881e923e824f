package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopEigenvectorsTest {
  /* The leading directions agree with the full Jacobi decomposition (up to sign), also rank-deficient. */
  @Test
  void matchesJacobi() {
    for (int n : new int[] {300, 8}) {
      WordVectors v = WhiteningTest.correlated(n, n, 40);
      double[][] cov = AllButTheTop.covariance(v, AllButTheTop.mean(v));
      SymmetricEigen full = SymmetricEigen.of(cov);
      double[][] top = TopEigenvectors.of(cov, 5);
      for (int i = 0; i < 5; i++) {
        double dot = 0;
        double[] u = full.vector(i);
        for (int k = 0; k < 40; k++) {
          dot += u[k] * top[i][k];
        }
        assertEquals(1, Math.abs(dot), 1e-6, "n " + n + " vector " + i);
      }
    }
  }
}
