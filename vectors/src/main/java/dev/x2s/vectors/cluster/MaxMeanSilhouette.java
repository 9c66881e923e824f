package dev.x2s.vectors.cluster;

/**
 * Chooses the number of k-means clusters by the maximum mean silhouette (MMS) over a range of k, as
 * Cai et al. (ICLR 2021) do in their released code: k in 2..15, and a single cluster (k = 1) when even
 * the best mean silhouette is below 0.1 — no cluster structure worth the name.
 */
public final class MaxMeanSilhouette {
  /** Cai et al.'s threshold: below this MMS the points count as one cluster. */
  public static final double PAPER_THRESHOLD = 0.1;

  private MaxMeanSilhouette() {}

  /**
   * @param kMin smallest candidate k (≥ 2)
   * @param scores mean silhouette of each candidate k = kMin + i
   * @param mms the largest of {@code scores}
   * @param bestK the candidate with the largest score
   * @param k the chosen number of clusters: {@code bestK}, or 1 when {@code mms} is below the threshold
   * @param clustering the k-means run of the chosen k (for k = 1: every label 0, centre = the mean)
   */
  public record Choice(int kMin, double[] scores, double mms, int bestK, int k, KMeans.Result clustering) {}

  /**
   * Runs k-means (best of {@code restarts} seeded runs) for every k in [kMin, kMax] on the rows of
   * {@code rows} ({@code n × dim}) and picks k by MMS with the given threshold.
   */
  public static Choice choose(float[] rows, int dim, int kMin, int kMax, double threshold, int restarts,
      int maxIterations, long seed) {
    int n = rows.length / dim;
    if (kMin < 2 || kMax < kMin || kMax >= n) {
      throw new IllegalArgumentException("need 2 ≤ kMin ≤ kMax < points (" + n + "): " + kMin + ".." + kMax);
    }
    Silhouette.Distances d = Silhouette.distances(rows, dim);
    double[] scores = new double[kMax - kMin + 1];
    KMeans.Result[] runs = new KMeans.Result[scores.length];
    int best = 0;
    for (int i = 0; i < scores.length; i++) {
      runs[i] = KMeans.best(rows, dim, kMin + i, restarts, maxIterations, seed);
      scores[i] = Silhouette.mean(d, runs[i].labels(), kMin + i);
      if (scores[i] > scores[best] || Double.isNaN(scores[best])) {
        best = i;
      }
    }
    double mms = scores[best];
    if (mms >= threshold) {
      return new Choice(kMin, scores, mms, kMin + best, kMin + best, runs[best]);
    }
    return new Choice(kMin, scores, mms, kMin + best, 1, KMeans.run(rows, dim, 1, seed, maxIterations));
  }
}
