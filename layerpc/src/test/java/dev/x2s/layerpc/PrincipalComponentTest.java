package dev.x2s.layerpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class PrincipalComponentTest {

  @Test
  void handExample() {
    // X = [[1,1],[1,1],[1,-1]]: XᵀX = [[3,1],[1,3]], eigenvalues 4 and 2; top right singular vector
    // (1,1)/√2; mean row (1, 1/3) has a positive dot with it. Centred: rows (0,1/3),(0,1/3),(0,-5/3)
    // → the only direction is (0,±1); mean·(0,1) = 1/3 > 0 fixes (0,1).
    float[] x = {1, 1, 1, 1, 1, -1};
    float r = (float) Math.sqrt(0.5);
    assertArrayEquals(new float[] {r, r}, PrincipalComponent.top(x, 3, 2, false), 1e-7f);
    assertArrayEquals(new float[] {0, 1}, PrincipalComponent.top(x, 3, 2, true), 1e-7f);
    // sign: negating X flips the mean, so the result is (−1,−1)/√2 direction with positive dot to the mean
    float[] neg = {-1, -1, -1, -1, -1, 1};
    assertArrayEquals(new float[] {-r, -r}, PrincipalComponent.top(neg, 3, 2, false), 1e-7f);
  }

  @Test
  void zeroMatrices() {
    assertNull(PrincipalComponent.top(new float[6], 2, 3, false));
    // identical rows: centred matrix is zero
    assertNull(PrincipalComponent.top(new float[] {1, 2, 3, 1, 2, 3}, 2, 3, true));
    assertArrayEquals(new float[] {0, 0.6f, 0.8f}, PrincipalComponent.top(new float[] {0, 3, 4}, 1, 3, false), 1e-7f);
  }

  /** Agrees with commons-math's SVD (an independent implementation) on random matrices. */
  @Test
  void matchesCommonsMathSvd() {
    long seed = 20191114L;
    System.out.println("PrincipalComponentTest seed " + seed);
    Random rnd = new Random(seed);
    int[][] shapes = {{1, 5}, {2, 3}, {5, 16}, {30, 50}, {100, 64}, {7, 7}, {40, 10}};
    for (int[] shape : shapes) {
      for (boolean centred : new boolean[] {false, true}) {
        for (boolean anisotropic : new boolean[] {false, true}) {
          int n = shape[0];
          int dim = shape[1];
          if (centred && n == 1) {
            continue;
          }
          float[] x = new float[n * dim];
          float[] offset = new float[dim];
          for (int d = 0; d < dim; d++) {
            offset[d] = anisotropic ? 3 + (float) rnd.nextGaussian() : 0; // a common direction, like contextual vectors
          }
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian() + offset[i % dim];
          }
          check(x, n, dim, centred);
        }
      }
    }
  }

  /** Nearly equal top singular values: power iteration stalls and the full eigendecomposition must answer. */
  @Test
  void nearlyDegenerateUsesFallback() {
    int n = 3;
    int dim = 4;
    float[] x = {
      1f, 0, 0, 0,
      0, 0.9999f, 0, 0,
      0, 0, 0.5f, 0};
    check(x, n, dim, false);
  }

  private static void check(float[] x, int n, int dim, boolean centred) {
    double[][] a = new double[n][dim];
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += x[i * dim + d] / (double) n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        a[i][d] = x[i * dim + d] - (centred ? mean[d] : 0);
      }
    }
    RealMatrix m = new Array2DRowRealMatrix(a);
    SingularValueDecomposition svd = new SingularValueDecomposition(m);
    double[] v = svd.getV().getColumn(0);
    double dot = 0;
    for (int d = 0; d < dim; d++) {
      dot += v[d] * mean[d];
    }
    float[] expected = new float[dim];
    for (int d = 0; d < dim; d++) {
      expected[d] = (float) (dot < 0 ? -v[d] : v[d]);
    }
    float[] actual = PrincipalComponent.top(x, n, dim, centred);
    String what = n + "×" + dim + (centred ? " centred" : "");
    // tolerance scales with the gap between the top two singular values (the vector is ill-conditioned
    // when they are close)
    double[] s = svd.getSingularValues();
    double gap = s.length > 1 ? (s[0] - s[1]) / s[0] : 1;
    float tol = (float) Math.max(1e-5, 1e-6 / gap);
    assertArrayEquals(expected, actual, tol, what);
    double norm = 0;
    for (float f : actual) {
      norm += f * f;
    }
    assertEquals(1.0, norm, 1e-6, what);
  }
}
