package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WhiteningTest {
  /* Correlated, shifted Gaussian data: after whitening the mean is 0 and the covariance is I. */
  @Test
  void covarianceBecomesIdentity() {
    WordVectors v = correlated(3, 500, 12);
    WordVectors w = Whitening.apply(v);
    assertEquals(12, w.dim());
    double[] mean = AllButTheTop.mean(w);
    double[][] cov = AllButTheTop.covariance(w, mean);
    for (int i = 0; i < 12; i++) {
      assertEquals(0, mean[i], 1e-5);
      for (int j = 0; j < 12; j++) {
        assertEquals(i == j ? 1 : 0, cov[i][j], 1e-4, "cov " + i + "," + j);
      }
    }
  }

  /* Keeping 4 dimensions keeps the 4 largest-variance directions, each with unit variance. */
  @Test
  void reducesDimension() {
    WordVectors w = Whitening.apply(correlated(4, 400, 10), 4);
    assertEquals(4, w.dim());
    double[][] cov = AllButTheTop.covariance(w, AllButTheTop.mean(w));
    for (int i = 0; i < 4; i++) {
      assertEquals(1, cov[i][i], 1e-4);
    }
  }

  /* Fewer words than dimensions: the null directions stay 0 instead of exploding. */
  @Test
  void rankDeficientStaysFinite() {
    WordVectors w = Whitening.apply(correlated(5, 6, 20));
    double[][] cov = AllButTheTop.covariance(w, AllButTheTop.mean(w));
    for (int i = 0; i < 20; i++) {
      assertEquals(i < 5 ? 1 : 0, cov[i][i], 1e-3, "direction " + i);
    }
  }

  static WordVectors correlated(long seed, int n, int dim) {
    Random rnd = new Random(seed);
    double[][] a = new double[dim][dim];
    for (double[] row : a) {
      for (int j = 0; j < dim; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int r = 0; r < n; r++) {
      words[r] = "w" + r;
      double[] z = new double[dim];
      for (int j = 0; j < dim; j++) {
        z[j] = rnd.nextGaussian() * (j + 1);
      }
      for (int i = 0; i < dim; i++) {
        double s = 5;
        for (int j = 0; j < dim; j++) {
          s += a[i][j] * z[j];
        }
        m[r * dim + i] = (float) s;
      }
    }
    return new WordVectors(words, m, dim);
  }
}
