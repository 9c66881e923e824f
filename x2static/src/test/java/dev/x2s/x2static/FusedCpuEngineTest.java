package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused CPU engine must compute the same steps as the ND4J engine (an independent formulation). */
class FusedCpuEngineTest {

  static TrainingBatch randomBatch(int rows, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int sentences = 4;
    float[] c = new float[sentences * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) rng.nextGaussian();
    }
    int pairs = 40;
    int[] sent = new int[pairs];
    int[] row = new int[pairs];
    boolean[] tgt = new boolean[pairs];
    for (int i = 0; i < pairs; i++) {
      sent[i] = i / 10;
      row[i] = rng.nextInt(rows); // collisions on purpose: 40 pairs over 12 rows
      tgt[i] = i % 5 == 0;
    }
    return new TrainingBatch(c, sentences, dim, sent, row, tgt, pairs, 8);
  }

  private static void compare(FusedCpuEngine.Method method, int threads) {
    int rows = 12;
    int dim = 16;
    StudentModel nd4j = StudentModel.initialise(rows, dim, 5);
    nd4j.targets().muli(20);
    Optimizer opt = method == FusedCpuEngine.Method.SGD
        ? new LinearDecaySgd(0.05) : new SparseAdam(0.01, rows, dim);
    try (FusedCpuEngine fused =
        new FusedCpuEngine(nd4j.toFloatArray(), rows, dim, method, method == FusedCpuEngine.Method.SGD ? 0.05 : 0.01, threads)) {
      for (int step = 0; step < 6; step++) {
        TrainingBatch b = randomBatch(rows, dim, 100 + step);
        double progress = step / 6.0;
        double l1 = nd4j.step(b, opt, progress);
        double l2 = fused.step(b, progress);
        assertEquals(l1, l2, 1e-3 * Math.max(1, Math.abs(l1)), "loss at step " + step);
        float[] a = nd4j.toFloatArray();
        float[] f = fused.parameters();
        for (int i = 0; i < a.length; i++) {
          assertEquals(a[i], f[i], 1e-4f * Math.max(1f, Math.abs(a[i])), "param " + i + " step " + step);
        }
      }
    }
  }

  @Test
  void sgdMatchesNd4jEngine() {
    compare(FusedCpuEngine.Method.SGD, 1);
    compare(FusedCpuEngine.Method.SGD, 2);
  }

  @Test
  void adamMatchesNd4jEngine() {
    compare(FusedCpuEngine.Method.ADAM, 1);
    compare(FusedCpuEngine.Method.ADAM, 3);
  }

  @Test
  void twoThreadsAreDeterministic() {
    float[] a = run(2);
    float[] b = run(2);
    assertArrayEquals(a, b);
  }

  @Test
  void resultDoesNotDependOnTheThreadCount() {
    // rows are updated independently in fixed chunks, so 1, 2 and 3 threads give the same bytes;
    // 40 pairs over 50 rows make too few chunks, so use wide batches over many rows
    for (FusedCpuEngine.Method method : FusedCpuEngine.Method.values()) {
      float[] one = runWide(1, method);
      assertArrayEquals(one, runWide(2, method), method + " 2 threads");
      assertArrayEquals(one, runWide(3, method), method + " 3 threads");
    }
  }

  private static float[] runWide(int threads, FusedCpuEngine.Method method) {
    int rows = 2000;
    int dim = 24;
    try (FusedCpuEngine e = new FusedCpuEngine(
        FusedCpuEngine.initialParameters(rows, dim, 9), rows, dim, method, 0.01, threads)) {
      SplittableRandom rng = new SplittableRandom(4);
      for (int s = 0; s < 5; s++) {
        int sentences = 16;
        int pairs = 1100;
        float[] c = new float[sentences * dim];
        for (int i = 0; i < c.length; i++) {
          c[i] = (float) rng.nextGaussian();
        }
        int[] sent = new int[pairs];
        int[] row = new int[pairs];
        boolean[] tgt = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
          sent[i] = i % sentences;
          row[i] = rng.nextInt(rows);
          tgt[i] = i % 11 == 0;
        }
        e.step(new TrainingBatch(c, sentences, dim, sent, row, tgt, pairs, 100), s / 5.0);
      }
      return e.parameters().clone();
    }
  }

  private static float[] run(int threads) {
    try (FusedCpuEngine e = new FusedCpuEngine(
        FusedCpuEngine.initialParameters(50, 32, 9), 50, 32, FusedCpuEngine.Method.ADAM, 0.01, threads)) {
      for (int s = 0; s < 20; s++) {
        e.step(randomBatch(50, 32, s), s / 20.0);
      }
      return e.parameters().clone();
    }
  }
}
