package dev.x2s.vectors.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two implementations of the float kernels against a reference and each other. */
class KernelsTest {
  private static final Kernels SCALAR = new ScalarKernels();
  private static final Kernels SIMD = new VectorKernels();

  @Test
  void theTestJvmGetsTheSimdKernels() {
    // surefire runs every test with --add-modules jdk.incubator.vector
    assertTrue(VectorMath.implementation().startsWith("vector-"), VectorMath.implementation());
  }

  @Test
  void bothKernelsAgreeWithADoublePrecisionReference() {
    SplittableRandom rng = new SplittableRandom(77);
    Kernels[] all = {SCALAR, SIMD};
    for (int n : new int[] {1, 7, 16, 17, 100, 768, 771}) {
      float[] a = new float[n + 5];
      float[] b = new float[n + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) rng.nextGaussian();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) rng.nextGaussian();
      }
      double ref = 0;
      for (int k = 0; k < n; k++) {
        ref += (double) a[5 + k] * b[3 + k];
      }
      for (Kernels ker : all) {
        assertEquals(ref, ker.dot(a, 5, b, 3, n), 1e-4 * Math.sqrt(n), ker.name() + " dot n=" + n);
        float[] y = b.clone();
        ker.axpy(0.5f, a, 5, y, 3, n);
        for (int k = 0; k < b.length; k++) {
          float expected = k >= 3 && k < 3 + n ? b[k] + 0.5f * a[5 + k - 3] : b[k];
          assertEquals(expected, y[k], 1e-6f, ker.name() + " axpy n=" + n + " k=" + k);
        }
      }
    }
  }

  @Test
  void adamRowFollowsTorchSparseAdamByHand() {
    // one element, by hand: g = 2, m = 0.5, v = 0.04, step 0.1
    // m' = 0.9·0.5 + 0.1·2 = 0.65; v' = 0.999·0.04 + 0.001·4 = 0.04396;
    // u' = 1 − 0.1·0.65 / (√0.04396 + 1e-8) = 1 − 0.065 / 0.2096664 = 1 − 0.3100163 = 0.6899837
    for (Kernels ker : new Kernels[] {SCALAR, SIMD}) {
      float[] u = {1f};
      float[] m = {0.5f};
      float[] v = {0.04f};
      ker.adam(0.5f, new float[] {4f}, 0, u, m, v, 0, 0.1f, 1); // g = 0.5·4
      assertEquals(0.65f, m[0], 1e-7f);
      assertEquals(0.04396f, v[0], 1e-8f);
      assertEquals(0.6899837f, u[0], 1e-6f, ker.name());
    }
  }

  @Test
  void simdAdamIsBitIdenticalToTheLoop() {
    // same operation order in both (Java never fuses a·b + c), so a run does not depend on the kernels
    SplittableRandom rng = new SplittableRandom(5);
    int n = 771;
    float[] g = new float[n];
    float[] u = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      g[i] = (float) rng.nextGaussian();
      u[i] = (float) rng.nextGaussian();
      m[i] = (float) rng.nextGaussian() * 0.1f;
      v[i] = (float) Math.abs(rng.nextGaussian()) * 0.01f;
    }
    float[][] a = {u.clone(), m.clone(), v.clone()};
    float[][] b = {u.clone(), m.clone(), v.clone()};
    SCALAR.adam(0.3f, g, 0, a[0], a[1], a[2], 0, 1e-3f, n);
    SIMD.adam(0.3f, g, 0, b[0], b[1], b[2], 0, 1e-3f, n);
    for (int k = 0; k < 3; k++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k]);
    }
    // scaling by 1 is exact, so a summed gradient row and a scaled context row share one kernel
    float[] y1 = u.clone();
    float[] y2 = u.clone();
    SCALAR.scaledAxpy(-0.05f, 0.7f, g, 0, y1, 0, n);
    SIMD.scaledAxpy(-0.05f, 0.7f, g, 0, y2, 0, n);
    for (int k = 0; k < n; k++) {
      assertEquals(u[k] + -0.05f * (0.7f * g[k]), y1[k], 0f);
      assertEquals(y1[k], y2[k], 2e-7f * Math.max(1f, Math.abs(y1[k]))); // fma rounds once, the loop twice
    }
  }
}
