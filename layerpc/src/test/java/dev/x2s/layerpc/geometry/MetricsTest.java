package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every metric on the toy vectors of {@link ToyOccurrences}, against values worked out by hand
 * (derivations in the comments; the MEV values were re-checked with numpy's SVD from Debian's
 * /usr/bin/python3: {@code s=np.linalg.svd(X,compute_uv=False); s[0]**2/(s**2).sum()} on X and on
 * {@code X-X.mean(0)}, and {@code u,s,vt=np.linalg.svd(X); (X@vt[0]).var()/X.var(0).sum()}).
 */
class MetricsTest {
  private static final double EPS = 1e-6;

  @Test
  void selfSimilarityIsTheMeanCosineOverPairs() {
    // a: cos((1,0),(0,1)) = 0, cos((1,0),(1,1)) = cos((0,1),(1,1)) = 1/√2 → (0 + 2/√2)/3 = √2/3
    assertEquals(Math.sqrt(2) / 3, SelfSimilarity.of(ToyOccurrences.A, 2), EPS);
    // b: cosines 1, −1, −1 → −1/3
    assertEquals(-1.0 / 3, SelfSimilarity.of(ToyOccurrences.B, 2), EPS);
    // c: 24/25, 20/25, 15/25 → 59/75
    assertEquals(59.0 / 75, SelfSimilarity.of(ToyOccurrences.C, 2), EPS);
  }

  @Test
  void selfSimilaritySkipsZeroRowsAndNeedsTwo() {
    // (1,0),(0,0),(1,1): the zero row has no cosine; the only pair left gives 1/√2
    assertEquals(1 / Math.sqrt(2), SelfSimilarity.of(new float[] {1, 0, 0, 0, 1, 1}, 2), EPS);
    assertTrue(Double.isNaN(SelfSimilarity.of(new float[] {1, 0}, 2)));
  }

  @Test
  void intraSentenceIsTheMeanCosineToTheSentenceMean() {
    // (1,0),(0,1): mean (½,½), both cosines 1/√2
    assertEquals(1 / Math.sqrt(2), IntraSentenceSimilarity.of(new float[] {1, 0, 0, 1}, 2), EPS);
    // (1,0),(−1,0),(0,2): mean (0,⅔); cosines 0, 0, 1 → ⅓
    assertEquals(1.0 / 3, IntraSentenceSimilarity.of(new float[] {1, 0, -1, 0, 0, 2}, 2), EPS);
  }

  @Test
  void mevVariants() {
    // c uncentred: XᵀX = [[25,24],[24,50]], λ = (75 ± √2929)/2, λ₁/trace = (75+√2929)/150 = 0.8608016
    assertEquals((75 + Math.sqrt(2929)) / 150, ExplainedVariance.uncentred(ToyOccurrences.C, 2), EPS);
    // c centred: mean (7/3,4), scatter (1/9)·M with M = [[78,−36],[−36,18]]; λ(M) = (96 ± √8784)/2,
    // so λ₁/trace = (96+√8784)/192 = 0.9881406
    assertEquals((96 + Math.sqrt(8784)) / 192, ExplainedVariance.centred(ToyOccurrences.C, 2), EPS);
    // c TruncatedSVD ratio: v₁ ∝ (24, λ₁−25) = (0.518684, 0.854961); projections 4.975896, 4.639619,
    // 4.274805, population variance 0.0819667; total variance (78+18)/9/3 = 3.555556 → 0.0230527
    assertEquals(0.0230527, ExplainedVariance.truncatedSvd(ToyOccurrences.C, 2), 1e-6);
    // a: XᵀX = [[2,1],[1,2]] → 3/4; centred scatter (1/9)[[6,−3],[−3,6]] → 9/12 = 3/4;
    // v₁ = (1,1)/√2, projections (1,1,2)/√2, variance 1/9; total variance 4/9 → 1/4
    ExplainedVariance.Mev a = ExplainedVariance.of(ToyOccurrences.A, 2);
    assertEquals(0.75, a.uncentred(), EPS);
    assertEquals(0.75, a.centred(), EPS);
    assertEquals(0.25, a.truncatedSvd(), EPS);
    // b lies on the x-axis: one direction holds all variance either way
    assertEquals(1.0, ExplainedVariance.centred(ToyOccurrences.B, 2), EPS);
    assertEquals(1.0, ExplainedVariance.uncentred(ToyOccurrences.B, 2), EPS);
  }

  @Test
  void mevTakesTheCovariancePathWhenRowsOutnumberDimensions() {
    // 4 rows in 2-D: (1,0),(−1,0),(0,2),(0,−2): mean 0, XᵀX = diag(2, 8) → 8/10 both ways
    float[] x = {1, 0, -1, 0, 0, 2, 0, -2};
    assertEquals(0.8, ExplainedVariance.centred(x, 2), EPS);
    assertEquals(0.8, ExplainedVariance.uncentred(x, 2), EPS);
    // v₁ = (0,1): projections 0,0,2,−2, variance 2; total variance (2+8)/4 → 0.8
    assertEquals(0.8, ExplainedVariance.truncatedSvd(x, 2), EPS);
  }

  /** x[i][k] = sin(7i + 3k) + 2·[k = 0] + 0.5·cos(0.1·i·k), rounded to float. */
  private static float[] formula(int n, int d) {
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i * d + k] = (float) (Math.sin(i * 7.0 + k * 3.0) + (k == 0 ? 2 : 0) + 0.5 * Math.cos(i * k * 0.1));
      }
    }
    return x;
  }

  /**
   * Larger sets (Gram or covariance above 32 × 32, solved by commons-math) against numpy (Debian's
   * /usr/bin/python3):
   * <pre>
   * def mk(n,d):
   *   i=np.arange(n)[:,None]; k=np.arange(d)[None,:]
   *   return (np.sin(i*7.0+k*3.0)+(k==0)*2.0+0.5*np.cos(i*k*0.1)).astype(np.float32).astype(np.float64)
   * def unc(X): s=np.linalg.svd(X,compute_uv=False); return s[0]**2/(s**2).sum()
   * def tsvd(X): u,s,vt=np.linalg.svd(X,full_matrices=False); return (X@vt[0]).var()/X.var(0).sum()
   * for n,d in ((40,50),(60,40)): X=mk(n,d); print(unc(X-X.mean(0)), unc(X), tsvd(X))
   * </pre>
   */
  @Test
  void largerSetsMatchNumpy() {
    ExplainedVariance.Mev a = ExplainedVariance.of(formula(40, 50), 50);
    assertEquals(0.4390991819376283, a.centred(), 1e-9);
    assertEquals(0.38754932395852604, a.uncentred(), 1e-9);
    assertEquals(0.4147454797510142, a.truncatedSvd(), 1e-9);
    ExplainedVariance.Mev b = ExplainedVariance.of(formula(60, 40), 40);
    assertEquals(0.4540768591556941, b.centred(), 1e-9);
    assertEquals(0.3656762870893395, b.uncentred(), 1e-9);
    assertEquals(0.44548997694630726, b.truncatedSvd(), 1e-9);
  }

  @Test
  void noVarianceGivesNaN() {
    assertTrue(Double.isNaN(ExplainedVariance.centred(new float[] {1, 1, 1, 1}, 2)));
    assertTrue(Double.isNaN(ExplainedVariance.uncentred(new float[] {0, 0, 0, 0}, 2)));
  }
}
