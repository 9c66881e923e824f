package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.cluster.KMeans;
import dev.x2s.vectors.cluster.MaxMeanSilhouette;
import java.util.stream.IntStream;

/**
 * The cluster view of isotropy (Cai et al., ICLR 2021) for a static vector set: a space that is
 * anisotropic as a whole can be nearly isotropic inside its clusters. The vectors are split by x2s's
 * k-means ({@link KMeans}, k-means++ seeding, seeded), each cluster is made zero-mean, and I(V) of
 * {@link Isotropy} is computed per cluster. The number of clusters is given ({@link #of}) or chosen by
 * maximum mean silhouette over a range, on a sample of the words, as Cai et al.'s code does
 * ({@link #chosen}); the occurrence-store counterpart is {@link ManifoldAnalyzer}.
 */
public final class ClusterIsotropy {
  private static final int MAX_ITERATIONS = 100;
  private static final int RESTARTS = 2;

  private ClusterIsotropy() {}

  /**
   * Per-cluster sizes and isotropy (clusters with fewer than 2 members get NaN), and their mean; with
   * the silhouette scores (from kMin) and MMS when k was chosen by MMS, else null / NaN.
   */
  public record Result(int k, int[] sizes, double[] isotropy, int kMin, double[] silhouette, double mms) {
    /** Mean I(V) over clusters with a value. */
    public double mean() {
      return GeometryAnalyzer.nanMean(isotropy);
    }
  }

  /** Clusters {@code v} into {@code k} groups (seeded) and measures each group's centred isotropy. */
  public static Result of(WordVectors v, int k, long seed) {
    if (k < 1 || k > v.size()) {
      throw new IllegalArgumentException("clusters must be in [1, " + v.size() + "]: " + k);
    }
    KMeans.Result km = KMeans.best(v.matrix(), v.dim(), k, RESTARTS, MAX_ITERATIONS, seed);
    return measure(v, km.labels(), k, 0, null, Double.NaN);
  }

  /**
   * Chooses k in [o.kMin(), o.kMax()] by maximum mean silhouette on {@code o.clusterPoints()} seeded
   * random words (k = 1 below the threshold), assigns every word to its nearest centre, and measures
   * each cluster's centred isotropy.
   */
  public static Result chosen(WordVectors v, ManifoldOptions o, long seed) {
    int dim = v.dim();
    int[] pick = GeometryAnalyzer.subset(v.size(), o.clusterPoints(), GeometryAnalyzer.mix(seed, 101));
    float[] sample = new float[pick.length * dim];
    for (int i = 0; i < pick.length; i++) {
      System.arraycopy(v.matrix(), pick[i] * dim, sample, i * dim, dim);
    }
    int kMax = Math.min(o.kMax(), pick.length - 1);
    MaxMeanSilhouette.Choice c = MaxMeanSilhouette.choose(sample, dim, Math.min(o.kMin(), kMax), kMax,
        o.silhouetteThreshold(), o.restarts(), MAX_ITERATIONS, seed);
    int[] labels = c.k() == 1 ? new int[v.size()] : KMeans.assign(v.matrix(), dim, c.clustering().centres());
    return measure(v, labels, c.k(), c.kMin(), c.scores(), c.mms());
  }

  private static Result measure(WordVectors v, int[] labels, int k, int kMin, double[] silhouette, double mms) {
    int dim = v.dim();
    float[] m = v.matrix();
    int[] sizes = new int[k];
    double[] iso = new double[k];
    for (int c = 0; c < k; c++) {
      int cc = c;
      int[] members = IntStream.range(0, labels.length).filter(r -> labels[r] == cc).toArray();
      sizes[c] = members.length;
      if (members.length < 2) {
        iso[c] = Double.NaN;
        continue;
      }
      double[] mean = new double[dim];
      for (int r : members) {
        for (int j = 0; j < dim; j++) {
          mean[j] += m[r * dim + j];
        }
      }
      float[] centred = new float[members.length * dim];
      for (int i = 0; i < members.length; i++) {
        for (int j = 0; j < dim; j++) {
          centred[i * dim + j] = (float) (m[members[i] * dim + j] - mean[j] / members.length);
        }
      }
      iso[c] = Math.exp(Isotropy.logRatio(centred, members.length, dim));
    }
    return new Result(k, sizes, iso, kMin, silhouette, mms);
  }
}
