package dev.x2s.trainer.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {

  @Test
  void theTestJvmGetsTheSimdKernels() {
    // surefire runs the trainer's tests with --add-modules jdk.incubator.vector
    assertTrue(Kernels.best().name().startsWith("vector-"), Kernels.best().name());
  }

  @Test
  void bothKernelsAgreeWithADoublePrecisionReference() {
    SplittableRandom rng = new SplittableRandom(77);
    Kernels[] all = {new ScalarKernels(), Kernels.best()};
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
}
