package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.cluster.MaxMeanSilhouette;

/**
 * Settings of the cluster, manifold and frequency view of each layer (Cai et al., ICLR 2021).
 *
 * @param kMin smallest number of k-means clusters tried (Cai et al.: 2)
 * @param kMax largest number tried (Cai et al.: 15)
 * @param silhouetteThreshold below this maximum mean silhouette the layer counts as one cluster (0.1)
 * @param clusterPoints random occurrences (the same in every layer) that k-means and the silhouette
 *     run on; every occurrence is then assigned to its nearest centre
 * @param restarts k-means runs per k (the lowest inertia is kept)
 * @param lidK neighbours of the LID estimate (Cai et al.: 100)
 * @param lidPoints random occurrences (the same in every layer) among which neighbours are searched
 * @param lidQueries of those, the points whose LID is estimated
 * @param viewWord the word whose occurrences the 3-D PCA view shows; null: the most frequent word
 */
public record ManifoldOptions(int kMin, int kMax, double silhouetteThreshold, int clusterPoints, int restarts,
    int lidK, int lidPoints, int lidQueries, String viewWord) {

  public ManifoldOptions {
    if (kMin < 2 || kMax < kMin || clusterPoints <= kMax || restarts < 1 || lidK < 2 || lidPoints <= lidK
        || lidQueries < 1) {
      throw new IllegalArgumentException("need 2 ≤ kMin ≤ kMax < clusterPoints, restarts ≥ 1, 2 ≤ lidK < lidPoints,"
          + " lidQueries ≥ 1: " + this);
    }
  }

  /** k in 2..15 with threshold 0.1 on 2,000 points, 2 restarts; LID K = 100 among 10,000 points, 500 queries. */
  public static ManifoldOptions defaults() {
    return new ManifoldOptions(2, 15, MaxMeanSilhouette.PAPER_THRESHOLD, 2000, 2, 100, 10_000, 500, null);
  }

}
