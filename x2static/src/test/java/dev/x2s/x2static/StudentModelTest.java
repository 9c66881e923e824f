package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class StudentModelTest {

  /** Captures the gradient the model hands to the optimiser, without updating anything. */
  static final class Capture implements Optimizer {
    int[] rows;
    float[] gradient;

    @Override
    public void update(INDArray matrix, int[] rows, INDArray rowsIndex, INDArray values,
        INDArray gradient, double progress) {
      this.rows = rows.clone();
      this.gradient = gradient.dup('c').data().asFloat();
    }

    @Override
    public Map<String, INDArray> state() {
      return Map.of();
    }

    @Override
    public long steps() {
      return 0;
    }

    @Override
    public void restore(Map<String, INDArray> state, long steps) {}
  }

  /** A random batch: 3 sentences, pairs with repeated rows (so row gradients must be summed). */
  static TrainingBatch batch(int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] c = new float[3 * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) rng.nextGaussian();
    }
    int[] sent = {0, 0, 0, 1, 1, 1, 2, 2, 0, 2};
    int[] row = {1, 4, 2, 3, 4, 0, 4, 1, 1, 4};
    boolean[] tgt = {true, false, false, true, false, false, true, false, false, false};
    return new TrainingBatch(c, 3, dim, sent, row, tgt, sent.length, 3);
  }

  /** Loss of the batch for parameters u (double precision, straight from the definition). */
  static double loss(float[] u, int dim, TrainingBatch b) {
    double sum = 0;
    for (int i = 0; i < b.pairs(); i++) {
      double s = 0;
      for (int k = 0; k < dim; k++) {
        s += (double) u[b.pairRow()[i] * dim + k] * b.contexts()[b.pairSentence()[i] * dim + k];
      }
      double z = b.pairTarget()[i] ? s : -s;
      sum += Math.log1p(Math.exp(-z));
    }
    return sum;
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    int dim = 6;
    StudentModel model = StudentModel.initialise(5, dim, 7);
    // Larger weights than the init so that σ is not linear, but scores stay inside the ±20 clamp.
    model.targets().muli(10);
    float[] u = model.toFloatArray();
    TrainingBatch b = batch(dim, 11);
    Capture cap = new Capture();
    double reported = model.step(b, cap, 0);
    assertEquals(loss(u, dim, b), reported, 1e-4, "reported loss");
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, cap.rows);
    double h = 1e-3;
    for (int r = 0; r < 5; r++) {
      for (int k = 0; k < dim; k++) {
        float[] plus = u.clone();
        float[] minus = u.clone();
        plus[r * dim + k] += h;
        minus[r * dim + k] -= h;
        double numeric = (loss(plus, dim, b) - loss(minus, dim, b)) / (2 * h);
        assertEquals(numeric, cap.gradient[r * dim + k], 2e-3 * Math.max(1, Math.abs(numeric)),
            "d loss / d u[" + r + "][" + k + "]");
      }
    }
  }

  @Test
  void scoresBeyondTheClampGiveZeroGradientAndBoundedLoss() {
    // log(1 + e^-20) = 2.0611536e-9 (hand: e^-20 = 2.0611536e-9, log1p of it is the same to 1e-17)
    assertEquals(2.0611536e-9, NegativeSamplingLoss.loss(35f, true), 1e-15);
    assertEquals(20.0 + 2.0611536e-9, NegativeSamplingLoss.loss(35f, false), 1e-6);
    assertEquals(0f, NegativeSamplingLoss.gradient(35f, false));
    assertEquals(0f, NegativeSamplingLoss.gradient(-21f, true));
    // σ(1) − 1 = −0.26894142 (hand: 1/(1+e^-1) = 0.73105858)
    assertEquals(-0.26894142f, NegativeSamplingLoss.gradient(1f, true), 1e-7f);
  }

  @Test
  void sgdStepMovesRowsAgainstTheGradientAndLeavesOthers() {
    int dim = 4;
    StudentModel model = StudentModel.initialise(8, dim, 3);
    float[] before = model.toFloatArray();
    TrainingBatch b = batch(dim, 5);
    Capture cap = new Capture();
    StudentModel.of(model.targets().dup()).step(b, cap, 0);
    model.step(b, new LinearDecaySgd(0.5), 0.5);
    float[] after = model.toFloatArray();
    // rows 5..7 are untouched
    for (int i = 5 * dim; i < 8 * dim; i++) {
      assertEquals(before[i], after[i], 0f);
    }
    // touched rows: u ← u − lr·(1 − progress)·g = u − 0.25·g
    for (int r = 0; r < 5; r++) {
      for (int k = 0; k < dim; k++) {
        int i = r * dim + k;
        assertEquals(before[i] - 0.25f * cap.gradient[i], after[i], 1e-6f);
      }
    }
  }

  @Test
  void sameSeedGivesIdenticalParameters() {
    float[] a = train(42);
    float[] b = train(42);
    assertArrayEquals(a, b);
  }

  private static float[] train(long seed) {
    StudentModel m = StudentModel.initialise(6, 8, seed);
    SparseAdam adam = new SparseAdam(1e-2, 6, 8);
    for (int step = 0; step < 5; step++) {
      m.step(batch(8, seed + step), adam, step / 5.0);
    }
    return m.toFloatArray();
  }

  @Test
  void sparseAdamFollowsTorchFormula() {
    // One row, d = 2, two steps; expected values by hand from torch.optim.SparseAdam's update:
    // m = 0.9m + 0.1g, v = 0.999v + 0.001g², p -= lr·sqrt(1−0.999^t)/(1−0.9^t) · m/(sqrt(v)+1e-8)
    INDArray p = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {{1f, -1f}});
    SparseAdam adam = new SparseAdam(0.1, 1, 2);
    int[] rows = {0};
    INDArray idx = org.nd4j.linalg.factory.Nd4j.createFromArray(rows);
    double[] pe = {1, -1};
    double[] me = {0, 0};
    double[] ve = {0, 0};
    double[][] grads = {{0.5, -2}, {-1, 0.25}};
    for (int t = 1; t <= 2; t++) {
      INDArray g = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {
          {(float) grads[t - 1][0], (float) grads[t - 1][1]}});
      adam.update(p, rows, idx, p.dup(), g, 0);
      double step = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      for (int k = 0; k < 2; k++) {
        me[k] = 0.9 * me[k] + 0.1 * grads[t - 1][k];
        ve[k] = 0.999 * ve[k] + 0.001 * grads[t - 1][k] * grads[t - 1][k];
        pe[k] -= step * me[k] / (Math.sqrt(ve[k]) + 1e-8);
      }
      float[] got = p.dup('c').data().asFloat();
      assertEquals(pe[0], got[0], 1e-5);
      assertEquals(pe[1], got[1], 1e-5);
    }
  }
}
