package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
  /** Rows of numbers from a test resource. */
  static double[][] readRows(String resource) throws IOException {
    try (InputStream in = SymmetricEigenTest.class.getResourceAsStream(resource)) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"))
          .map(l -> l.isBlank() ? new double[0] : Arrays.stream(l.trim().split(" "))
              .filter(t -> !t.startsWith("#") && !t.equals("eigenvalues"))
              .mapToDouble(Double::parseDouble).toArray())
          .toArray(double[][]::new);
    }
  }

  /** Hand-computed: [[2,1],[1,2]] has eigenvalues 3 and 1 with vectors (1,1)/√2 and (1,-1)/√2. */
  @Test
  void twoByTwoByHand() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertEquals(3, e.values()[0], 1e-12);
    assertEquals(1, e.values()[1], 1e-12);
    double[] v = e.vector(0);
    assertEquals(1 / Math.sqrt(2), Math.abs(v[0]), 1e-12);
    assertEquals(v[0], v[1], 1e-12);
  }

  /** Eigenvalues of a random symmetric 6×6 matrix from numpy.linalg.eigh (numpy/make_reference.py). */
  @Test
  void matchesNumpyEigh() throws IOException {
    double[][] rows = readRows("/numpy/eigen.txt");
    double[][] a = Arrays.copyOf(rows, 6);
    double[] expected = rows[6];
    SymmetricEigen e = SymmetricEigen.of(a);
    double[] values = e.values();
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], values[i], 1e-12, "eigenvalue " + i);
      // A v = λ v and |v| = 1
      double[] v = e.vector(i);
      double norm = 0;
      for (int r = 0; r < 6; r++) {
        double av = 0;
        for (int c = 0; c < 6; c++) {
          av += a[r][c] * v[c];
        }
        assertEquals(values[i] * v[r], av, 1e-12);
        norm += v[r] * v[r];
      }
      assertEquals(1, norm, 1e-12);
    }
  }

  @Test
  void rejectsNonSymmetric() {
    assertThrows(
        IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 4}}));
    assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
  }

  @Test
  void diagonalAndRepeatedEigenvalues() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 1}});
    assertEquals(5, e.values()[0], 0);
    assertEquals(1, e.values()[1], 0);
    assertEquals(1, e.values()[2], 0);
    assertEquals(1, Math.abs(e.vector(0)[1]), 0);
  }
}
