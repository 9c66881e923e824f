package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProjectedEngineTest {
  static final int ROWS = 9;
  static final int DIM = 3;
  static final int CDIM = 5;

  /** Loss of every pair, −log σ(u·Wc) for targets and −log σ(−u·Wc) for negatives, in double. */
  static double loss(double[] u, double[] w, TrainingBatch b) {
    double total = 0;
    for (int i = 0; i < b.pairs(); i++) {
      int s = b.pairSentence()[i];
      int r = b.pairRow()[i];
      double score = 0;
      for (int j = 0; j < DIM; j++) {
        double p = 0;
        for (int k = 0; k < CDIM; k++) {
          p += w[j * CDIM + k] * b.contexts()[s * CDIM + k];
        }
        score += u[r * DIM + j] * p;
      }
      double z = b.pairTarget()[i] ? score : -score;
      total += Math.log1p(Math.exp(-z));
    }
    return total;
  }

  static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  static double[] numericGradient(double[] x, java.util.function.ToDoubleFunction<double[]> f) {
    double[] g = new double[x.length];
    double h = 1e-5;
    for (int i = 0; i < x.length; i++) {
      double keep = x[i];
      x[i] = keep + h;
      double up = f.applyAsDouble(x);
      x[i] = keep - h;
      double down = f.applyAsDouble(x);
      x[i] = keep;
      g[i] = (up - down) / (2 * h);
    }
    return g;
  }

  @Test
  void oneSgdStepMovesBothWAndUAlongFiniteDifferenceGradients() {
    TrainingBatch b = batch(new SplittableRandom(11));
    float[] u0 = FusedCpuEngine.initialParameters(ROWS, DIM, 4);
    for (int i = 0; i < u0.length; i++) {
      u0[i] *= 3; // uniform(−1, 1): scores of order 1, far below the ±20 clamp
    }
    float[] w0 = ProjectedEngine.initialProjection(DIM, CDIM, 4);
    double[] ud = toDouble(u0);
    double[] wd = toDouble(w0);
    double[] gu = numericGradient(ud, x -> loss(x, wd, b));
    double[] gw = numericGradient(wd, x -> loss(ud, x, b));
    float lr = 1e-3f;
    try (ProjectedEngine e = new ProjectedEngine(new FusedCpuEngine(u0.clone(), ROWS, DIM, FusedCpuEngine.Method.SGD,
        lr, 1), DIM, CDIM, w0.clone(), FusedCpuEngine.Method.SGD, lr, 2)) {
      double l = e.step(b, 0.0);
      assertEquals(loss(ud, wd, b), l, 1e-4);
      for (int i = 0; i < gu.length; i++) {
        assertEquals(gu[i], (u0[i] - e.parameters()[i]) / lr, 1e-3 * Math.max(1, Math.abs(gu[i])), "u " + i);
      }
      for (int i = 0; i < gw.length; i++) {
        assertEquals(gw[i], (w0[i] - e.projection()[i]) / lr, 1e-3 * Math.max(1, Math.abs(gw[i])), "W " + i);
      }
    }
  }

  @Test
  void adamRunsAreIndependentOfThreadsAndTheContextGradientStepUpdatesLikeThePlainOne() {
    float[][] one = runAdam(1);
    float[][] three = runAdam(3);
    assertArrayEquals(one[0], three[0]);
    assertArrayEquals(one[1], three[1]);

    // the two-pass step (which also returns ∂L/∂contexts) updates rows exactly as the one-pass step
    TrainingBatch b = batch(new SplittableRandom(5));
    float[] u = FusedCpuEngine.initialParameters(ROWS, CDIM, 2);
    try (FusedCpuEngine a = new FusedCpuEngine(u.clone(), ROWS, CDIM, FusedCpuEngine.Method.ADAM, 0.01, 2);
        FusedCpuEngine c = new FusedCpuEngine(u.clone(), ROWS, CDIM, FusedCpuEngine.Method.ADAM, 0.01, 2)) {
      for (int s = 0; s < 3; s++) {
        a.step(b, 0.1);
        c.step(b, 0.1, new float[b.sentences() * CDIM]);
      }
      assertArrayEquals(a.parameters(), c.parameters());
    }
  }

  private static float[][] runAdam(int threads) {
    try (ProjectedEngine e = new ProjectedEngine(new FusedCpuEngine(FusedCpuEngine.initialParameters(ROWS, DIM, 3),
        ROWS, DIM, FusedCpuEngine.Method.ADAM, 0.01, threads), DIM, CDIM, ProjectedEngine.initialProjection(DIM, CDIM, 3),
        FusedCpuEngine.Method.ADAM, 0.01, threads)) {
      SplittableRandom rng = new SplittableRandom(8);
      for (int s = 0; s < 6; s++) {
        e.step(batch(rng), s / 6.0);
      }
      return new float[][] {e.parameters().clone(), e.projection().clone()};
    }
  }

  /** 3 sentences, 5-wide contexts, 12 pairs over 9 rows (repeats on purpose), a target every 4th pair. */
  static TrainingBatch batch(SplittableRandom rng) {
    int sentences = 3;
    float[] c = new float[sentences * CDIM];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) rng.nextGaussian();
    }
    int pairs = 12;
    int[] sent = new int[pairs];
    int[] row = new int[pairs];
    boolean[] tgt = new boolean[pairs];
    for (int i = 0; i < pairs; i++) {
      sent[i] = i / 4;
      row[i] = rng.nextInt(ROWS);
      tgt[i] = i % 4 == 0;
    }
    return new TrainingBatch(c, sentences, CDIM, sent, row, tgt, pairs, 3);
  }
}
