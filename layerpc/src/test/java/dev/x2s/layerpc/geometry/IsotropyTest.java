package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.WordVectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsotropyTest {
  private static final float[] V = {
    1.0f, 0.5f, 0.2f, 0.8f, -0.3f, 0.4f, 1.2f, 0.1f, -0.5f,
    0.9f, 0.7f, 0.3f, 1.1f, -0.6f, -0.1f, 0.7f, 0.2f, 0.6f
  };

  private static WordVectors toy() {
    return new WordVectors(new String[] {"a", "b", "c", "d", "e", "f"}, V.clone(), 3);
  }

  /**
   * Reference from numpy (Debian's /usr/bin/python3), independent of our eigen-solver:
   * <pre>
   * V = np.array([[1.0,0.5,0.2],[0.8,-0.3,0.4],[1.2,0.1,-0.5],[0.9,0.7,0.3],[1.1,-0.6,-0.1],[0.7,0.2,0.6]])
   * def I(V):
   *   w, U = np.linalg.eigh(V.T @ V)
   *   Z = [np.exp(s * V @ U[:, i]).sum() for i in range(V.shape[1]) for s in (1, -1)]
   *   return min(Z) / max(Z)
   * Y = V - V.mean(0); w, U = np.linalg.eigh(Y.T @ Y / len(Y)); u = U[:, -1]
   * print(I(V), I(Y - np.outer(Y @ u, u)))      # 0.14492036685654555 0.9354813048243662
   * </pre>
   */
  @Test
  void matchesNumpyBeforeAndAfterAllButTheTop() {
    Isotropy.Report r = Isotropy.report(toy(), 1);
    assertEquals(0.14492036685654555, r.isotropy(), 1e-6);
    assertEquals(0.9354813048243662, r.isotropyAfterAbtt(), 1e-6);
    assertEquals(6, r.size());
    assertEquals(1, r.abttComponents());
  }

  @Test
  void symmetricSetIsPerfectlyIsotropic() {
    // ±e1, ±e2 in 2-D: Z(c) = 2e + 2 for c = ±e1 and ±e2 alike → I = 1
    WordVectors v = new WordVectors(new String[] {"a", "b", "c", "d"}, new float[] {1, 0, -1, 0, 0, 1, 0, -1}, 2);
    assertEquals(1.0, Isotropy.of(v), 1e-12);
  }

  @Test
  void largeNormsDoNotOverflow() {
    // a shared offset of 500 along x makes Z overflow without log-space sums; I must be tiny, not NaN
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 200;
    float[] m = new float[n * 2];
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      m[2 * i] = 500 + (float) rnd.nextGaussian();
      m[2 * i + 1] = (float) rnd.nextGaussian();
      w[i] = "w" + i;
    }
    double i = Isotropy.of(new WordVectors(w, m, 2));
    assertTrue(i >= 0 && i < 1e-100, "isotropy " + i);
  }

  @Test
  void clustersAreIsotropicOnceCentred() {
    // two clusters, ±e1 and ±e2 around (±100, 0): each, made zero-mean, is {±e1, ±e2} with I = 1 (see
    // symmetricSetIsPerfectlyIsotropic); the whole set lies along ±x and is far from isotropic
    float[] m = {101, 0, 99, 0, 100, 1, 100, -1, -99, 0, -101, 0, -100, 1, -100, -1};
    String[] w = {"a", "b", "c", "d", "e", "f", "g", "h"};
    WordVectors v = new WordVectors(w, m, 2);
    ClusterIsotropy.Result r = ClusterIsotropy.of(v, 2, 5);
    assertEquals(2, r.k());
    assertEquals(4, r.sizes()[0]);
    assertEquals(4, r.sizes()[1]);
    assertEquals(1.0, r.isotropy()[0], 1e-9);
    assertEquals(1.0, r.isotropy()[1], 1e-9);
    assertEquals(1.0, r.mean(), 1e-9);
    assertTrue(Isotropy.of(v) < 1e-6, "global " + Isotropy.of(v));
  }

  /**
   * A 300 × 150 set (its 150 × 150 VᵀV goes to commons-math's solver), against numpy from Debian's
   * /usr/bin/python3:
   * <pre>
   * n,d=300,150; i=np.arange(n)[:,None]; k=np.arange(d)[None,:]
   * V=(np.sin(i*7.0+k*3.0)+0.3+0.5*np.cos(i*k*0.1)).astype(np.float32).astype(np.float64)
   * w,U=np.linalg.eigh(V.T@V)
   * Z=[np.log(np.exp(s*V@U[:,j]).sum()) for j in range(d) for s in (1,-1)]
   * print(np.exp(min(Z)-max(Z)))     # 1.611783148354041e-05
   * </pre>
   */
  @Test
  void largerSetMatchesNumpy() {
    int n = 300;
    int d = 150;
    float[] m = new float[n * d];
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = "w" + i;
      for (int k = 0; k < d; k++) {
        m[i * d + k] = (float) (Math.sin(i * 7.0 + k * 3.0) + 0.3 + 0.5 * Math.cos(i * k * 0.1));
      }
    }
    assertEquals(1.0, Isotropy.of(new WordVectors(w, m, d)) / 1.611783148354041e-05, 1e-6);
  }
}
