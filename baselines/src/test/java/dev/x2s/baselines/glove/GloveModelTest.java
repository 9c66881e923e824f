package dev.x2s.baselines.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One AdaGrad step on a 2-word, 2-dimensional toy problem, checked against a hand computation of
 * glove.c's update (eta 0.05, x_max 100, alpha 0.75). Record (word 0, context 1, X = 50) with
 * w_0 = (0.1, -0.2), b_0 = 0.05, w̃_1 = (0.3, 0.4), b̃_1 = -0.1, all accumulators 1:
 *
 * <pre>
 *   diff  = 0.1·0.3 − 0.2·0.4 + 0.05 − 0.1 − ln 50 = −0.05 − 0.05 − 3.912023005428146 = −4.012023005428146
 *   f     = (50/100)^0.75 = 0.5946035575013605;  fdiff = f·diff = −2.3855631518048757
 *   cost  = ½·fdiff·diff = 4.7854671229714185
 *   w_0  −= eta·fdiff·w̃_1 / √1 = (0.1, −0.2) + 0.11927815759·(0.3, 0.4) = (0.13578344727707314, −0.1522887369639025)
 *   w̃_1  −= eta·fdiff·w_0 / √1 = (0.3, 0.4) + 0.11927815759·(0.1, −0.2) = (0.3119278157590244, 0.37614436848195126)
 *   G_0   = 1 + (eta·fdiff·w̃_1)² = (1.001280455099031, 1.0022763646204997)
 *   G̃_1   = 1 + (eta·fdiff·w_0)² = (1.0001422727887812, 1.0005690911551248)
 *   b_0   = 0.05 − fdiff/√1 = 2.4355631518048755;  b̃_1 = −0.1 − fdiff = 2.2855631518048756   (no eta: as in C)
 *   G_b   = 1 + fdiff² = 6.690911551249212
 * </pre>
 *
 * The same arithmetic, and the second step and the clipped variant below, were evaluated with Debian's
 * {@code /usr/bin/python3} by a 15-line transcription of the formulas above (not of the Java code).
 */
class GloveModelTest {
  private static final double EPS = 1e-12;

  /** Rows: word 0, word 1, context 0, context 1; each (v0, v1, bias). */
  private static double[] toyParameters() {
    return new double[] {
      0.1, -0.2, 0.05, // w_0, b_0
      9, 9, 9, // w_1 (untouched)
      7, 7, 7, // w̃_0 (untouched)
      0.3, 0.4, -0.1}; // w̃_1, b̃_1
  }

  private static GloveModel toy(double clip) {
    GloveOptions o = new GloveOptions(2, 10, 1, 100.0, 0.75, 0.05, clip, 1, 1, 1, 1 << 20, null);
    return new GloveModel(2, o, toyParameters());
  }

  @Test
  void oneAdaGradStepMatchesHandComputation() {
    GloveModel m = toy(100.0);
    double cost = m.step(0, 1, 50.0, new double[2], new double[2]);
    assertEquals(4.7854671229714185, cost, EPS);
    double[] w = m.parameters();
    double[] g = m.gradsq();
    assertArrayEquals(new double[] {0.13578344727707314, -0.1522887369639025, 2.4355631518048755},
        new double[] {w[0], w[1], w[2]}, EPS);
    assertArrayEquals(new double[] {0.3119278157590244, 0.37614436848195126, 2.2855631518048756},
        new double[] {w[9], w[10], w[11]}, EPS);
    assertArrayEquals(new double[] {1.001280455099031, 1.0022763646204997, 6.690911551249212},
        new double[] {g[0], g[1], g[2]}, EPS);
    assertArrayEquals(new double[] {1.0001422727887812, 1.0005690911551248, 6.690911551249212},
        new double[] {g[9], g[10], g[11]}, EPS);
    for (int k = 3; k < 9; k++) {
      assertEquals(k < 6 ? 9 : 7, w[k], 0.0, "untouched row value " + k);
      assertEquals(1.0, g[k], 0.0, "untouched accumulator " + k);
    }
  }

  /** The second step divides by √G from the first (python transcription, see the class comment). */
  @Test
  void secondStepUsesTheAccumulatedSquares() {
    GloveModel m = toy(100.0);
    m.step(0, 1, 50.0, new double[2], new double[2]);
    double cost = m.step(0, 1, 50.0, new double[2], new double[2]);
    // diff 0.7941753815147714, fdiff 0.4722195071286833
    assertEquals(0.1875125536163197, cost, EPS);
    double[] w = m.parameters();
    assertArrayEquals(new double[] {0.12842323800746713, -0.16115978125241492, 2.253004979492069},
        new double[] {w[0], w[1], w[2]}, EPS);
    assertArrayEquals(new double[] {0.30872206416905257, 0.3797390313975147, 2.103004979492069},
        new double[] {w[9], w[10], w[11]}, EPS);
    assertEquals(6.913902814162069, m.gradsq()[2], EPS);
  }

  /**
   * With grad_clip 0.01 every component fdiff·w (|·| ≥ 0.23) is clipped to ±0.01 before eta:
   * w_0 = (0.1 + 0.01·0.05, −0.2 + 0.01·0.05) = (0.1005, −0.1995), G = 1 + 0.0005² = 1.00000025; the
   * biases are not clipped (same as the unclipped step).
   */
  @Test
  void gradientComponentsAreClippedButBiasesAreNot() {
    GloveModel m = toy(0.01);
    m.step(0, 1, 50.0, new double[2], new double[2]);
    double[] w = m.parameters();
    assertArrayEquals(new double[] {0.1005, -0.1995, 2.4355631518048755},
        new double[] {w[0], w[1], w[2]}, EPS);
    assertArrayEquals(new double[] {0.3005, 0.3995, 2.2855631518048756},
        new double[] {w[9], w[10], w[11]}, EPS);
    assertEquals(1.00000025, m.gradsq()[0], EPS);
  }

  /** Above x_max the weight is 1: fdiff = diff = 0.05 − 0.05 − 0.1 − ln 200 = −5.398317366548036. */
  @Test
  void weightIsOneAboveXMax() {
    GloveModel m = toy(100.0);
    double cost = m.step(0, 1, 200.0, new double[2], new double[2]);
    assertEquals(0.5 * 5.398317366548036 * 5.398317366548036, cost, EPS);
    assertEquals(0.05 + 5.398317366548036, m.parameters()[2], EPS);
  }

  @Test
  void initialisationIsSeededAndSmall() {
    GloveOptions o = GloveOptions.defaults().withDim(10).withSeed(42);
    double[] a = new GloveModel(5, o).parameters();
    double[] b = new GloveModel(5, o).parameters();
    assertArrayEquals(a, b, 0.0);
    assertEquals(2 * 5 * 11, a.length);
    for (double v : a) {
      assertTrue(Math.abs(v) <= 0.05, "init value " + v + " outside ±0.5/dim");
    }
  }
}
