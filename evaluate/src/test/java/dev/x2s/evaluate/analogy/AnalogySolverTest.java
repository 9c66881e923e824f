package dev.x2s.evaluate.analogy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.evaluate.TestVectors;
import dev.x2s.vectors.WordVectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalogySolverTest {
  private static final float C30 = (float) Math.cos(Math.toRadians(30));

  /** A unit vector at {@code degrees} in the plane. */
  private static Object[] at(String word, double degrees) {
    return new Object[] {
      word, Math.cos(Math.toRadians(degrees)), Math.sin(Math.toRadians(degrees))
    };
  }

  private static WordVectors plane(Object[]... rows) {
    Object[] flat = new Object[rows.length * 3];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * 3, 3);
    }
    return TestVectors.of(2, flat);
  }

  /*
   * Hand computation. Unit vectors in the plane at angles a 0°, b 90°, c 30°, x1 120°, x2 200°,
   * x3 170°, so cos(x, y) = cos(θx − θy). Question a : b :: c : ?
   *   3CosAdd = cos(x,b) − cos(x,a) + cos(x,c):
   *     b: cos0 − cos90 + cos60 = 1.5 (but b is excluded)
   *     x1: cos30 − cos120 + cos90 = 0.8660 + 0.5 + 0 = 1.3660  ← best
   *     x3: cos80 − cos170 + cos140 = 0.1736 + 0.9848 − 0.7660 = 0.3924
   *     x2: cos110 − cos200 + cos170 = −0.3420 + 0.9397 − 0.9848 = −0.3871
   *   3CosMul = s(x,b)·s(x,c) / (s(x,a) + 0.001), s = (cos+1)/2:
   *     x1: 0.9330 · 0.5 / (0.25 + 0.001) = 1.8586
   *     x3: 0.5868 · 0.1170 / (0.0076 + 0.001) = 7.9856  ← best (x3 is nearly opposite a)
   *     b: 1 · 0.75 / (0.5 + 0.001) = 1.4970;  x2: 0.0802
   */
  @Test
  void addAndMulPickDifferentRowsAndExcludeTheQuestionWords() {
    WordVectors v =
        plane(at("a", 0), at("b", 90), at("c", 30), at("x1", 120), at("x2", 200), at("x3", 170));
    for (int threads : new int[] {1, 2}) {
      AnalogySolver s = new AnalogySolver(v, 100, null, 1 << 20, threads);
      AnalogySolver.Predictions p = s.solve(new int[][] {{0, 1, 2}});
      assertEquals(3, p.cosAdd()[0], "3CosAdd → x1 (b, at 1.5, excluded)");
      assertEquals(5, p.cosMul()[0], "3CosMul → x3");
    }
  }

  /*
   * x1 : x1 :: x1 : ? — both objectives are increasing in cos(x, x1) (3CosAdd = cos(x,x1);
   * 3CosMul = s²/(s+ε)), so the answer is x1's nearest other row: b at 30° away (x3 is 50° away).
   */
  @Test
  void aQuestionWordNeverAnswers() {
    WordVectors v = plane(at("a", 0), at("b", 90), at("x1", 120), at("x3", 170));
    AnalogySolver.Predictions p = new AnalogySolver(v, 100, null, 1 << 20, 1)
        .solve(new int[][] {{2, 2, 2}});
    assertEquals(1, p.cosAdd()[0]);
    assertEquals(1, p.cosMul()[0]);
  }

  /* Identical vectors give identical floats: the tie goes to the lower row, wherever it is. */
  @Test
  void tiesGoToTheLowerRow() {
    WordVectors later =
        plane(at("a", 0), at("b", 90), at("c", 30), at("x1", 120), at("x2", 200), at("twin", 120));
    AnalogySolver.Predictions p = new AnalogySolver(later, 100, null, 1 << 20, 1)
        .solve(new int[][] {{0, 1, 2}});
    assertEquals(3, p.cosAdd()[0]);
    assertEquals(3, p.cosMul()[0]);
    WordVectors earlier =
        plane(at("a", 0), at("twin", 120), at("b", 90), at("c", 30), at("x1", 120), at("x2", 200));
    p = new AnalogySolver(earlier, 100, null, 1 << 20, 1).solve(new int[][] {{0, 2, 3}});
    assertEquals(1, p.cosAdd()[0]);
    assertEquals(1, p.cosMul()[0]);
  }

  /* Rows beyond the search limit are never predicted: without x1 (row 3), x3 wins 3CosAdd. */
  @Test
  void searchLimitCutsTheSpace() {
    WordVectors v = plane(at("a", 0), at("b", 90), at("c", 30), at("x3", 170), at("x1", 120));
    AnalogySolver.Predictions p = new AnalogySolver(v, 4, null, 1 << 20, 1)
        .solve(new int[][] {{0, 1, 2}});
    assertEquals(3, p.cosAdd()[0]);
  }

  /* The extra (meanfill) vector stands in for a: with extra = a's vector the answer is unchanged. */
  @Test
  void extraVectorIsUsedForMissingTerms() {
    WordVectors v =
        plane(at("a", 0), at("b", 90), at("c", 30), at("x1", 120), at("x2", 200), at("x3", 170));
    AnalogySolver s = new AnalogySolver(v, 100, new float[] {1, 0}, 1 << 20, 1);
    AnalogySolver.Predictions p = s.solve(new int[][] {{AnalogySolver.EXTRA, 1, 2}, null});
    // a is no longer excluded, but its 3CosAdd is −0.134 and its 3CosMul 0.466: x1 and x3 still win.
    assertEquals(3, p.cosAdd()[0]);
    assertEquals(5, p.cosMul()[0]);
    assertEquals(-1, p.cosAdd()[1], "a null question is not solved");
  }

  /*
   * The batched solver against a direct double-precision loop over random data, with a cache of
   * 5 rows (forcing many groups and evictions), 1 and 2 threads, and several 1024-row chunks; a
   * duplicated best row checks the tie rule across threads' ranges. Random Gaussian data in 8-D has
   * no near-ties at float precision for this seed, so float and double agree.
   */
  @Test
  void matchesDirectComputationWithTinyCache() {
    long seed = 7;
    System.out.println("AnalogySolverTest seed " + seed);
    Random r = new Random(seed);
    int n = 3000;
    int dim = 8;
    float[] m = new float[n * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    System.arraycopy(m, 11 * dim, m, 500 * dim, dim);
    System.arraycopy(m, 11 * dim, m, 2500 * dim, dim);
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    WordVectors unit = new WordVectors(words, m, dim).normalized();
    int q = 60;
    int[][] terms = new int[q][];
    for (int i = 0; i < q; i++) {
      terms[i] = new int[] {r.nextInt(12), r.nextInt(12), r.nextInt(12)};
    }
    // Rows 500 and 2500 are copies of row 11 and lie in different threads' ranges (chunk 0 vs
    // chunks 1–2): 11 : 11 :: 11 : ? has both at cosine 1, and the lower one must win.
    terms[q - 1] = new int[] {11, 11, 11};
    int[][] expected = direct(unit, n, terms);
    assertEquals(500, expected[0][q - 1]);
    assertEquals(500, expected[1][q - 1]);
    for (int threads : new int[] {1, 2}) {
      AnalogySolver s = new AnalogySolver(unit, n, null, 5L * 4 * n, threads);
      assertEquals(5, s.cacheRows());
      AnalogySolver.Predictions p = s.solve(terms);
      assertArrayEquals(expected[0], p.cosAdd(), "3CosAdd, threads " + threads);
      assertArrayEquals(expected[1], p.cosMul(), "3CosMul, threads " + threads);
    }
  }

  /** Brute force: for each question, every row's cosines computed afresh. */
  private static int[][] direct(WordVectors unit, int n, int[][] terms) {
    int[][] out = new int[2][terms.length];
    float[] m = unit.matrix();
    int dim = unit.dim();
    for (int i = 0; i < terms.length; i++) {
      int[] t = terms[i];
      double bestAdd = Double.NEGATIVE_INFINITY;
      double bestMul = Double.NEGATIVE_INFINITY;
      for (int x = 0; x < n; x++) {
        if (x == t[0] || x == t[1] || x == t[2]) {
          continue;
        }
        double ca = dot(m, x, t[0], dim);
        double cb = dot(m, x, t[1], dim);
        double cc = dot(m, x, t[2], dim);
        double add = cb - ca + cc;
        double mul = ((cb + 1) / 2) * ((cc + 1) / 2) / ((ca + 1) / 2 + 0.001);
        if (add > bestAdd) {
          bestAdd = add;
          out[0][i] = x;
        }
        if (mul > bestMul) {
          bestMul = mul;
          out[1][i] = x;
        }
      }
    }
    return out;
  }

  private static double dot(float[] m, int x, int y, int dim) {
    double s = 0;
    for (int k = 0; k < dim; k++) {
      s += (double) m[x * dim + k] * m[y * dim + k];
    }
    return s;
  }
}
