package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.cluster.KMeans;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterIsotropyEnhancementTest {
  /*
   * Three far-apart clusters, each stretched along its own direction. After the post-processing with
   * one direction per cluster: every cluster has mean 0 and no variance left along its stretch.
   */
  @Test
  void centresEachClusterAndRemovesItsDominantDirection() {
    int dim = 8;
    int per = 50;
    Random rnd = new Random(11);
    String[] words = new String[3 * per];
    float[] m = new float[3 * per * dim];
    for (int p = 0; p < 3 * per; p++) {
      int c = p / per;
      words[p] = "w" + p;
      for (int q = 0; q < dim; q++) {
        double centre = q == c ? 100 : 0;
        double stretch = q == c + 3 ? 20 : 1;
        m[p * dim + q] = (float) (centre + stretch * rnd.nextGaussian());
      }
    }
    WordVectors v = new WordVectors(words, m, dim);
    WordVectors out = ClusterIsotropyEnhancement.apply(v, 3, 1, 1);
    KMeans.Result km = KMeans.best(m, dim, 3, 3, 100, 1);
    for (int c = 0; c < 3; c++) {
      assertEquals(per, km.sizes()[c]);
    }
    for (int c = 0; c < 3; c++) {
      double[] mean = new double[dim];
      double stretchVar = 0;
      for (int p = c * per; p < (c + 1) * per; p++) {
        for (int q = 0; q < dim; q++) {
          mean[q] += out.matrix()[p * dim + q] / per;
        }
        stretchVar += Math.pow(out.matrix()[p * dim + c + 3], 2) / per;
      }
      for (int q = 0; q < dim; q++) {
        assertEquals(0, mean[q], 1e-3, "cluster " + c + " mean[" + q + "]");
      }
      assertTrue(stretchVar < 0.5, "cluster " + c + " keeps variance " + stretchVar + " along its stretch");
    }
  }

  @Test
  void deterministicForASeed() {
    WordVectors v = TestVectors.random(3, 200, 10);
    WordVectors v2 = new WordVectors(v.words().toArray(String[]::new), clip(v.matrix()), 10);
    assertArrayEquals(ClusterIsotropyEnhancement.apply(v2, 4, 2, 9).matrix(),
        ClusterIsotropyEnhancement.apply(v2, 4, 2, 9).matrix());
  }

  /* One cluster and D directions is all-but-the-top itself. */
  @Test
  void oneClusterIsAllButTheTop() {
    WordVectors v = WhiteningTest.correlated(2, 100, 6);
    float[] abtt = AllButTheTop.apply(v, 2).matrix();
    float[] cbie = ClusterIsotropyEnhancement.apply(v, 1, 2, 1).matrix();
    for (int i = 0; i < abtt.length; i++) {
      assertEquals(abtt[i], cbie[i], 1e-3 * (1 + Math.abs(abtt[i])), "value " + i);
    }
  }

  private static float[] clip(float[] m) {
    float[] out = m.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(-100, Math.min(100, out[i]));
    }
    return out;
  }
}
