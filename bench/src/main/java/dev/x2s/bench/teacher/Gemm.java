package dev.x2s.bench.teacher;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** sgemm speed through DJL's PyTorch engine: {@code [4096,768] × [768,768]}, the shape of a BERT-base projection. */
final class Gemm {
  private Gemm() {}

  /** GFLOP/s over {@code reps} products after 3 warm-up products (best of 3 rounds). */
  static double gflops(int m, int k, int n, int reps) {
    try (NDManager mg = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDArray a = mg.randomNormal(new Shape(m, k));
      NDArray b = mg.randomNormal(new Shape(k, n));
      for (int i = 0; i < 3; i++) {
        a.matMul(b).close();
      }
      double best = 0;
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          a.matMul(b).close();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        best = Math.max(best, 2.0 * m * k * n * reps / s / 1e9);
      }
      return best;
    }
  }
}
