package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllButTheTopTest {
  /**
   * A 40×8 float32 matrix and its all-but-the-top output (D = 2) computed by numpy in float64
   * (numpy/make_reference.py: mu = X.mean(0); Xc = X - mu; U = top-2 eigenvectors of
   * Xc.T @ Xc / n; out = Xc - (Xc @ U) @ U.T).
   */
  @Test
  void matchesNumpy() throws IOException {
    double[][] rows = SymmetricEigenTest.readRows("/numpy/abtt.txt");
    int n = 40;
    int dim = 8;
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int r = 0; r < n; r++) {
      words[r] = "w" + r;
      for (int k = 0; k < dim; k++) {
        m[r * dim + k] = (float) rows[r][k];
      }
    }
    double[] eigenvalues = rows[2 * n + 1];
    WordVectors out = AllButTheTop.apply(new WordVectors(words, m, dim), 2);
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < dim; k++) {
        double expected = rows[n + 1 + r][k];
        assertEquals(expected, out.matrix()[r * dim + k], 2e-5, "row " + r + " col " + k);
      }
    }
    WordVectors w = new WordVectors(words, m, dim);
    double[] ours = SymmetricEigen.of(AllButTheTop.covariance(w, AllButTheTop.mean(w))).values();
    for (int i = 0; i < dim; i++) {
      assertEquals(eigenvalues[i], ours[i], 1e-9 * eigenvalues[0], "eigenvalue " + i);
    }
    assertEquals(words.length, out.size());
    assertEquals(Arrays.asList(words), out.words());
  }

  @Test
  void defaultComponentsIsAboutDimOver100() {
    assertEquals(1, AllButTheTop.defaultComponents(50));
    assertEquals(1, AllButTheTop.defaultComponents(100));
    assertEquals(3, AllButTheTop.defaultComponents(300));
    assertEquals(8, AllButTheTop.defaultComponents(768));
  }

  @Test
  void zeroComponentsOnlyCentres() {
    WordVectors v = new WordVectors(new String[] {"a", "b"}, new float[] {1, 2, 3, 6}, 2);
    WordVectors c = AllButTheTop.apply(v, 0);
    assertEquals(-1, c.matrix()[0], 0);
    assertEquals(-2, c.matrix()[1], 0);
    assertEquals(1, c.matrix()[2], 0);
    assertEquals(2, c.matrix()[3], 0);
  }
}
