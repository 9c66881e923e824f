package dev.x2s.vectors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SilhouetteTest {
  /*
   * Reference: numpy 1.24.2 + scipy 1.10.1 (Debian's /usr/bin/python3), the definition written out
   * directly: D = cdist(X, X); per point a = D[i, own].sum() / (|own| − 1), b = min over other clusters
   * of D[i, c].mean(), s = (b − a) / max(a, b), s = 0 for a singleton; mean over points → 0.6851964092834919.
   */
  @Test
  void matchesNumpyDefinition() {
    float[] x = {0, 0, 1, 0, 0, 1, 5, 5, 6, 5, 5, 7, 10, 0};
    int[] labels = {0, 0, 0, 1, 1, 1, 2};
    assertEquals(0.6851964092834919, Silhouette.mean(Silhouette.distances(x, 2), labels, 3), 1e-6);
  }

  @Test
  void oneClusterHasNoScore() {
    float[] x = {0, 1, 2, 3};
    assertTrue(Double.isNaN(Silhouette.mean(Silhouette.distances(x, 1), new int[] {0, 0, 0, 0}, 1)));
  }

  /* Well-separated Gaussian mixtures: MMS over k = 2..8 recovers the true k (seeds printed on failure). */
  @Test
  void maxMeanSilhouettePicksTheTrueK() {
    for (int trueK : new int[] {2, 3, 5, 7}) {
      long seed = 100 + trueK;
      float[] x = mixture(seed, trueK, 60, 20, 10.0, 1.0);
      MaxMeanSilhouette.Choice c = MaxMeanSilhouette.choose(x, 20, 2, 8, MaxMeanSilhouette.PAPER_THRESHOLD, 3, 100, 1);
      assertEquals(trueK, c.k(), "seed " + seed + " scores " + java.util.Arrays.toString(c.scores()));
      assertTrue(c.mms() > 0.5, "MMS " + c.mms());
    }
  }

  /* One isotropic Gaussian has no clusters: the best mean silhouette stays below 0.1, so k = 1. */
  @Test
  void aSingleGaussianIsOneCluster() {
    float[] x = mixture(7, 1, 300, 20, 0, 1.0);
    MaxMeanSilhouette.Choice c = MaxMeanSilhouette.choose(x, 20, 2, 6, MaxMeanSilhouette.PAPER_THRESHOLD, 3, 100, 1);
    assertEquals(1, c.k(), "MMS " + c.mms());
    assertTrue(c.mms() < 0.1);
  }

  /** {@code k} Gaussian clusters of {@code per} points, centres N(0, spread²) per coordinate, noise σ. */
  static float[] mixture(long seed, int k, int per, int dim, double spread, double sigma) {
    Random rnd = new Random(seed);
    double[][] centres = new double[k][dim];
    for (double[] c : centres) {
      for (int q = 0; q < dim; q++) {
        c[q] = spread * rnd.nextGaussian();
      }
    }
    float[] x = new float[k * per * dim];
    for (int p = 0; p < k * per; p++) {
      for (int q = 0; q < dim; q++) {
        x[p * dim + q] = (float) (centres[p % k][q] + sigma * rnd.nextGaussian());
      }
    }
    return x;
  }
}
