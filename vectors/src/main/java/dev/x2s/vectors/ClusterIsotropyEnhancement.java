package dev.x2s.vectors;

import dev.x2s.vectors.cluster.KMeans;
import dev.x2s.vectors.math.VectorMath;
import java.util.stream.IntStream;

/**
 * Cluster-based isotropy enhancement (Rajaee &amp; Pilehvar, ACL 2021, §3; their released
 * {@code cluster_based}): k-means the vectors into {@code clusters} groups, make each group zero-mean,
 * and remove from each centred vector its projections on the top {@code components} principal
 * directions of its own group — {@link AllButTheTop} applied per cluster (its few directions found
 * by subspace iteration, {@link TopEigenvectors}, rather than a full Jacobi decomposition). A space that is anisotropic
 * as a whole because it is made of separate clusters (Cai et al., ICLR 2021) is centred where it
 * matters, and each cluster's local dominant directions (which the paper finds encode structure such
 * as tense or punctuation rather than meaning) are nulled.
 *
 * <p>Rajaee &amp; Pilehvar seed k-means with random points ({@code scipy kmeans2(minit='points')}); we
 * use x2s's {@link KMeans} (k-means++ seeding, best of {@link #RESTARTS} runs from {@code seed}), so
 * the result is deterministic for a seed. A cluster with m members loses at most m − 1 directions (its
 * centred vectors span no more).
 */
public final class ClusterIsotropyEnhancement {
  /** Default number of clusters (the paper uses 27 for BERT's token vectors of STS; see docs). */
  public static final int DEFAULT_CLUSTERS = 10;
  /** Default seed. */
  public static final long DEFAULT_SEED = 1;
  /** k-means runs per call; the one of lowest inertia is kept. */
  public static final int RESTARTS = 3;
  /** Lloyd iterations per k-means run at most. */
  public static final int MAX_ITERATIONS = 100;

  private ClusterIsotropyEnhancement() {}

  /**
   * Defaults: {@link #DEFAULT_CLUSTERS} clusters, {@link AllButTheTop#defaultComponents} directions per
   * cluster, seed {@link #DEFAULT_SEED}.
   */
  public static WordVectors apply(WordVectors vectors) {
    return apply(vectors, DEFAULT_CLUSTERS, AllButTheTop.defaultComponents(vectors.dim()), DEFAULT_SEED);
  }

  /**
   * @param clusters k of k-means (at most the number of words)
   * @param components dominant directions removed per cluster (0: only per-cluster centring)
   * @param seed seed of the k-means seeding
   * @throws IllegalArgumentException when {@code clusters} is not in [1, size] or {@code components} not
   *     in [0, dim]
   */
  public static WordVectors apply(WordVectors vectors, int clusters, int components, long seed) {
    int dim = vectors.dim();
    if (clusters < 1 || clusters > vectors.size()) {
      throw new IllegalArgumentException("clusters must be in [1, " + vectors.size() + "]: " + clusters);
    }
    if (components < 0 || components > dim) {
      throw new IllegalArgumentException("components must be in [0, " + dim + "]: " + components);
    }
    KMeans.Result km = KMeans.best(vectors.matrix(), dim, clusters, RESTARTS, MAX_ITERATIONS, seed);
    return apply(vectors, km.labels(), clusters, components);
  }

  /** The post-processing for a given clustering ({@code labels} in 0..k−1, one per row). */
  public static WordVectors apply(WordVectors vectors, int[] labels, int k, int components) {
    int dim = vectors.dim();
    if (labels.length != vectors.size()) {
      throw new IllegalArgumentException(labels.length + " labels for " + vectors.size() + " rows");
    }
    int[][] members = new int[k][];
    int[] size = new int[k];
    for (int l : labels) {
      size[l]++;
    }
    for (int c = 0; c < k; c++) {
      members[c] = new int[size[c]];
      size[c] = 0;
    }
    for (int r = 0; r < labels.length; r++) {
      members[labels[r]][size[labels[r]]++] = r;
    }
    float[] m = vectors.matrix();
    float[] out = new float[m.length];
    for (int c = 0; c < k; c++) {
      int[] rows = members[c];
      if (rows.length == 0) {
        continue;
      }
      String[] words = new String[rows.length];
      float[] sub = new float[rows.length * dim];
      for (int i = 0; i < rows.length; i++) {
        words[i] = vectors.word(rows[i]);
        System.arraycopy(m, rows[i] * dim, sub, i * dim, dim);
      }
      WordVectors cluster = new WordVectors(words, sub, dim);
      double[] mean = AllButTheTop.mean(cluster);
      double[][] top = TopEigenvectors.of(AllButTheTop.covariance(cluster, mean),
          Math.min(components, rows.length - 1));
      IntStream.range(0, rows.length).parallel().forEach(i -> {
        double[] y = new double[dim];
        for (int q = 0; q < dim; q++) {
          y[q] = sub[i * dim + q] - mean[q];
        }
        for (double[] u : top) {
          double dot = VectorMath.dot(u, y);
          for (int q = 0; q < dim; q++) {
            y[q] -= dot * u[q];
          }
        }
        for (int q = 0; q < dim; q++) {
          out[rows[i] * dim + q] = (float) y[q];
        }
      });
    }
    return vectors.withMatrix(out);
  }
}
