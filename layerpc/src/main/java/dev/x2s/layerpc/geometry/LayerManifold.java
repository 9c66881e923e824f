package dev.x2s.layerpc.geometry;

import java.util.List;

/**
 * The cluster, manifold and frequency view of one layer (Cai et al., ICLR 2021). Each similarity is
 * given three ways: raw, after removing the global mean ("centred"), and after removing each
 * occurrence's own cluster mean ("cluster-centred", the paper's primed S').
 *
 * @param layer model layer number
 * @param clusters the k-means clustering chosen by maximum mean silhouette
 * @param isotropy I(V) of the clustering sample: raw, centred, cluster-centred, and per cluster centred
 * @param inter mean cosine of random occurrence pairs of different words (the paper's S_inter; for the
 *     cluster-centred value both occurrences are drawn from the same cluster)
 * @param self self-similarity, mean over words (the paper's S_intra); cluster-centred: per cluster over
 *     the words with ≥ 2 occurrences in it, then mean over clusters, as the released code
 * @param intraSentence Ethayarajh's intra-sentence similarity on raw, centred and cluster-centred vectors
 * @param lid local intrinsic dimension of the layer's occurrences
 * @param bands where words of each frequency band sit
 * @param view the 3-D PCA view of one word's occurrences (not written to JSON)
 */
public record LayerManifold(int layer, Clusters clusters, IsotropyView isotropy, Similarity inter, Similarity self,
    Similarity intraSentence, Lid lid, List<FrequencyBand> bands, View view) {

  /** k chosen by MMS over kMin..; sizes over all occurrences (not only the sample). */
  public record Clusters(int points, int kMin, double[] silhouette, double mms, int bestK, int k, int[] sizes) {}

  public record IsotropyView(double raw, double centred, double clusterCentred, double[] perCluster) {
    public double perClusterMean() {
      return GeometryAnalyzer.nanMean(perCluster);
    }
  }

  public record Similarity(double raw, double centred, double clusterCentred) {}

  public record Lid(int k, int points, int queries, double mean, double std, double median, double q10, double q90) {
    public static Lid of(LocalIntrinsicDimension.Result r) {
      return new Lid(r.k(), r.points(), r.values().length, r.mean(), r.std(), r.median(), r.quantile(0.1),
          r.quantile(0.9));
    }
  }

  /**
   * Words whose corpus frequency is in [minFrequency, maxFrequency): their occurrences' mean norm,
   * Euclidean distance to the global mean and to their own cluster's mean, cosine to the global mean,
   * and the share of them in each cluster.
   */
  public record FrequencyBand(String label, long minFrequency, long maxFrequency, int words, long occurrences,
      double norm, double distanceToMean, double distanceToClusterMean, double cosineToMean, double[] clusterShare) {}

  /**
   * PCA of the clustering sample to 3 dimensions (centred on the sample mean): the sample's and the
   * word's occurrences in those coordinates (row-major, 3 a point) and the share of variance kept.
   */
  public record View(String word, float[] background, float[] points, double varianceRatio) {}
}
