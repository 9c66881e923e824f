package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.cluster.KMeans;
import dev.x2s.vectors.cluster.MaxMeanSilhouette;
import dev.x2s.vectors.math.VectorMath;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Computes {@link LayerManifold} for one layer: clusters by maximum mean silhouette, similarities and
 * isotropy after per-cluster centring, LID, and frequency bands (Cai et al., ICLR 2021). The random
 * samples (clustering points, LID points, pairs) are drawn from generators seeded by (seed, purpose),
 * not by layer, so every layer is measured on the same occurrences.
 */
final class ManifoldAnalyzer {
  private static final int MAX_ITERATIONS = 100;
  /** Frequency bands by decade: [1, 10), [10, 100), … */
  private static final long[] BAND_EDGES = {1, 10, 100, 1_000, 10_000, 100_000, Long.MAX_VALUE};

  private final ManifoldOptions options;
  private final GeometryOptions geometry;

  ManifoldAnalyzer(ManifoldOptions options, GeometryOptions geometry) {
    this.options = options;
    this.geometry = geometry;
  }

  LayerManifold layer(int layerNumber, LayerData d, int[] eligible, List<int[][]> sentenceMembers, long[] frequency,
      List<String> words) {
    int dim = d.dim;
    int nWords = d.rows.length;
    long total = d.total();
    // 1. clusters by MMS on a sample
    long[] sampleIds = flatSample(total, options.clusterPoints(), GeometryAnalyzer.mix(geometry.seed(), 101));
    float[] sample = d.gather(sampleIds);
    int n = sampleIds.length;
    int kMax = Math.min(options.kMax(), n - 1);
    MaxMeanSilhouette.Choice choice = MaxMeanSilhouette.choose(sample, dim, Math.min(options.kMin(), kMax), kMax,
        options.silhouetteThreshold(), options.restarts(), MAX_ITERATIONS, geometry.seed());
    int k = choice.k();
    double[] centres = choice.clustering().centres();
    // 2. every occurrence to its nearest centre; cluster and global means over all occurrences
    int[][] labels = new int[nWords][];
    double[] clusterMean = new double[k * dim];
    double[] globalMean = new double[dim];
    long[] clusterSize = new long[k];
    for (int w = 0; w < nWords; w++) {
      labels[w] = k == 1 ? new int[d.sentences[w].length] : KMeans.assign(d.rows[w], dim, centres);
      for (int r = 0; r < labels[w].length; r++) {
        int c = labels[w][r];
        clusterSize[c]++;
        for (int j = 0; j < dim; j++) {
          float x = d.rows[w][r * dim + j];
          clusterMean[c * dim + j] += x;
          globalMean[j] += x;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < dim; j++) {
        clusterMean[c * dim + j] /= Math.max(1, clusterSize[c]);
      }
    }
    for (int j = 0; j < dim; j++) {
      globalMean[j] /= Math.max(1, total);
    }
    float[][] centred = new float[nWords][];
    float[][] clusterCentred = new float[nWords][];
    for (int w = 0; w < nWords; w++) {
      centred[w] = subtract(d.rows[w], dim, globalMean, null);
      clusterCentred[w] = subtract(d.rows[w], dim, clusterMean, labels[w]);
    }
    int[] sizes = new int[k];
    for (int c = 0; c < k; c++) {
      sizes[c] = (int) clusterSize[c];
    }
    LayerManifold.Clusters clusters = new LayerManifold.Clusters(n, choice.kMin(), choice.scores(), choice.mms(),
        choice.bestK(), k, sizes);

    // 3. isotropy of the sample: raw, centred, cluster-centred, per cluster
    LayerData dc = new LayerData(dim, centred, d.sentences);
    LayerData dcc = new LayerData(dim, clusterCentred, d.sentences);
    int[] sampleLabels = new int[n];
    for (int i = 0; i < n; i++) {
      int w = d.word(sampleIds[i]);
      sampleLabels[i] = labels[w][d.row(sampleIds[i], w)];
    }
    float[] sampleCc = dcc.gather(sampleIds);
    double[] perCluster = new double[k];
    for (int c = 0; c < k; c++) {
      int cc = c;
      int[] members = IntStream.range(0, n).filter(i -> sampleLabels[i] == cc).toArray();
      perCluster[c] = members.length < 2 ? Double.NaN : isotropy(select(sampleCc, members, dim), members.length, dim);
    }
    LayerManifold.IsotropyView iso = new LayerManifold.IsotropyView(isotropy(sample, n, dim),
        isotropy(dc.gather(sampleIds), n, dim), isotropy(sampleCc, n, dim), perCluster);

    // 4. similarities
    SplittableRandom rnd = new SplittableRandom(GeometryAnalyzer.mix(geometry.seed(), 102));
    LayerManifold.Similarity inter = new LayerManifold.Similarity(randomPairs(d, null, null, rnd.split()),
        randomPairs(dc, null, null, rnd.split()), randomPairs(dcc, labels, clusterSize, rnd.split()));
    LayerManifold.Similarity self = new LayerManifold.Similarity(selfSimilarity(d.rows, eligible, dim),
        selfSimilarity(centred, eligible, dim), clusterSelfSimilarity(clusterCentred, labels, k, dim));
    LayerManifold.Similarity intra = new LayerManifold.Similarity(intraSentence(d.rows, sentenceMembers, dim),
        intraSentence(centred, sentenceMembers, dim), intraSentence(clusterCentred, sentenceMembers, dim));

    // 5. LID
    long[] lidIds = flatSample(total, options.lidPoints(), GeometryAnalyzer.mix(geometry.seed(), 103));
    float[] lidPoints = d.gather(lidIds);
    LayerManifold.Lid lid = LayerManifold.Lid.of(LocalIntrinsicDimension.of(lidPoints, dim,
        Math.min(options.lidK(), lidIds.length - 1), options.lidQueries(), GeometryAnalyzer.mix(geometry.seed(), 104)));

    // 6. frequency bands
    List<LayerManifold.FrequencyBand> bands = bands(d, centred, clusterCentred, labels, k, frequency);

    // 7. view
    LayerManifold.View view = view(d, sample, n, words);
    return new LayerManifold(layerNumber, clusters, iso, inter, self, intra, lid, bands, view);
  }

  private List<LayerManifold.FrequencyBand> bands(LayerData d, float[][] centred, float[][] clusterCentred,
      int[][] labels, int k, long[] frequency) {
    int dim = d.dim;
    List<LayerManifold.FrequencyBand> out = new ArrayList<>();
    for (int b = 0; b + 1 < BAND_EDGES.length; b++) {
      long lo = BAND_EDGES[b];
      long hi = BAND_EDGES[b + 1];
      int words = 0;
      long occ = 0;
      double norm = 0;
      double dist = 0;
      double clusterDist = 0;
      double cos = 0;
      int cosN = 0;
      double[] share = new double[k];
      for (int w = 0; w < d.rows.length; w++) {
        if (frequency[w] < lo || frequency[w] >= hi || labels[w].length == 0) {
          continue;
        }
        words++;
        for (int r = 0; r < labels[w].length; r++) {
          occ++;
          norm += VectorMath.norm(d.rows[w], r * dim, dim);
          // the centred row is x − μ: its norm is the distance to the global mean
          dist += VectorMath.norm(centred[w], r * dim, dim);
          clusterDist += VectorMath.norm(clusterCentred[w], r * dim, dim);
          share[labels[w][r]]++;
          if (!VectorMath.isZero(d.rows[w], r * dim, dim)) {
            cos += cosineToMean(d.rows[w], r * dim, centred[w], dim);
            cosN++;
          }
        }
      }
      if (words == 0) {
        continue;
      }
      for (int c = 0; c < k; c++) {
        share[c] /= occ;
      }
      String label = hi == Long.MAX_VALUE ? "≥" + lo : lo + "–" + (hi - 1);
      out.add(new LayerManifold.FrequencyBand(label, lo, hi == Long.MAX_VALUE ? -1 : hi, words, occ, norm / occ,
          dist / occ, clusterDist / occ, cosN == 0 ? Double.NaN : cos / cosN, share));
    }
    return out;
  }

  /** cos(x, μ) where μ = x − (x − μ): recovered from the raw row and its centred copy. */
  private static double cosineToMean(float[] raw, int o, float[] centred, int dim) {
    double dot = 0;
    double nx = 0;
    double nm = 0;
    for (int j = 0; j < dim; j++) {
      double x = raw[o + j];
      double m = x - centred[o + j];
      dot += x * m;
      nx += x * x;
      nm += m * m;
    }
    return nx == 0 || nm == 0 ? Double.NaN : dot / Math.sqrt(nx * nm);
  }

  private LayerManifold.View view(LayerData d, float[] sample, int n, List<String> words) {
    int dim = d.dim;
    int w = -1;
    if (options.viewWord() != null) {
      w = words.indexOf(options.viewWord());
    } else {
      for (int i = 0; i < d.rows.length; i++) {
        if (w < 0 || d.sentences[i].length > d.sentences[w].length) {
          w = i;
        }
      }
    }
    if (w < 0) {
      return null;
    }
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        mean[j] += sample[i * dim + j] / n;
      }
    }
    double[][] cov = new double[dim][dim];
    double trace = 0;
    for (int i = 0; i < n; i++) {
      double[] y = new double[dim];
      for (int j = 0; j < dim; j++) {
        y[j] = sample[i * dim + j] - mean[j];
      }
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          cov[a][b] += y[a] * y[b];
        }
      }
    }
    for (int a = 0; a < dim; a++) {
      trace += cov[a][a];
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    double[][] u = Eigenvectors.rows(cov);
    double kept = 0;
    for (int c = 0; c < 3 && c < dim; c++) {
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < dim; b++) {
          kept += u[c][a] * cov[a][b] * u[c][b];
        }
      }
    }
    return new LayerManifold.View(words.get(w), project(sample, dim, mean, u), project(d.rows[w], dim, mean, u),
        trace == 0 ? Double.NaN : kept / trace);
  }

  private static float[] project(float[] rows, int dim, double[] mean, double[][] u) {
    int n = rows.length / dim;
    int m = Math.min(3, dim);
    float[] out = new float[n * 3];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
          s += (rows[i * dim + j] - mean[j]) * u[c][j];
        }
        out[i * 3 + c] = (float) s;
      }
    }
    return out;
  }

  /** Mean cosine of random pairs of occurrences of different words (within one cluster when labelled). */
  private double randomPairs(LayerData d, int[][] labels, long[] clusterSize, SplittableRandom rnd) {
    long total = d.total();
    long[][] byCluster = null;
    if (labels != null) {
      byCluster = new long[clusterSize.length][];
      int[] fill = new int[clusterSize.length];
      for (int c = 0; c < clusterSize.length; c++) {
        byCluster[c] = new long[(int) clusterSize[c]];
      }
      long flat = 0;
      for (int w = 0; w < labels.length; w++) {
        for (int r = 0; r < labels[w].length; r++) {
          byCluster[labels[w][r]][fill[labels[w][r]]++] = flat++;
        }
      }
    }
    double sum = 0;
    int m = 0;
    for (int t = 0; t < geometry.baselinePairs() * 4 && m < geometry.baselinePairs(); t++) {
      long i = rnd.nextLong(total);
      int wi = d.word(i);
      long j;
      if (byCluster == null) {
        j = rnd.nextLong(total);
      } else {
        long[] pool = byCluster[labels[wi][d.row(i, wi)]];
        j = pool[rnd.nextInt(pool.length)];
      }
      int wj = d.word(j);
      if (wi == wj) {
        continue;
      }
      int oi = d.row(i, wi) * d.dim;
      int oj = d.row(j, wj) * d.dim;
      if (VectorMath.isZero(d.rows[wi], oi, d.dim) || VectorMath.isZero(d.rows[wj], oj, d.dim)) {
        continue;
      }
      sum += VectorMath.cosine(d.rows[wi], oi, d.rows[wj], oj, d.dim);
      m++;
    }
    return m == 0 ? Double.NaN : sum / m;
  }

  private static double selfSimilarity(float[][] rows, int[] eligible, int dim) {
    return GeometryAnalyzer.nanMean(IntStream.of(eligible).mapToDouble(w -> SelfSimilarity.of(rows[w], dim)).toArray());
  }

  /** Per cluster: mean self-similarity of the words with ≥ 2 occurrences in it; then mean over clusters. */
  private static double clusterSelfSimilarity(float[][] rows, int[][] labels, int k, int dim) {
    double[] perCluster = new double[k];
    IntStream.range(0, k).parallel().forEach(c -> {
      List<Double> values = new ArrayList<>();
      for (int w = 0; w < rows.length; w++) {
        int[] lw = labels[w];
        int[] members = IntStream.range(0, lw.length).filter(r -> lw[r] == c).toArray();
        if (members.length >= 2) {
          values.add(SelfSimilarity.of(select(rows[w], members, dim), dim));
        }
      }
      perCluster[c] = GeometryAnalyzer.nanMean(values.stream().mapToDouble(Double::doubleValue).toArray());
    });
    return GeometryAnalyzer.nanMean(perCluster);
  }

  private static double intraSentence(float[][] rows, List<int[][]> sentenceMembers, int dim) {
    double[] intra = new double[sentenceMembers.size()];
    IntStream.range(0, intra.length).parallel().forEach(s -> {
      int[][] members = sentenceMembers.get(s);
      float[] r = new float[members.length * dim];
      for (int j = 0; j < members.length; j++) {
        System.arraycopy(rows[members[j][0]], members[j][1] * dim, r, j * dim, dim);
      }
      intra[s] = IntraSentenceSimilarity.of(r, dim);
    });
    return GeometryAnalyzer.nanMean(intra);
  }

  private static double isotropy(float[] rows, int n, int dim) {
    return n < 2 ? Double.NaN : Math.exp(Isotropy.logRatio(rows, n, dim));
  }

  /** Each row minus its cluster's mean ({@code labels}), or minus the one mean when labels is null. */
  private static float[] subtract(float[] rows, int dim, double[] means, int[] labels) {
    float[] out = new float[rows.length];
    for (int r = 0; r < rows.length / dim; r++) {
      int mo = labels == null ? 0 : labels[r] * dim;
      for (int j = 0; j < dim; j++) {
        out[r * dim + j] = (float) (rows[r * dim + j] - means[mo + j]);
      }
    }
    return out;
  }

  private static float[] select(float[] rows, int[] which, int dim) {
    float[] out = new float[which.length * dim];
    for (int i = 0; i < which.length; i++) {
      System.arraycopy(rows, which[i] * dim, out, i * dim, dim);
    }
    return out;
  }

  /** {@code max} of the flat occurrence ids 0..total−1 (all when fewer), seeded, increasing. */
  static long[] flatSample(long total, int max, long seed) {
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many occurrences: " + total);
    }
    return IntStream.of(GeometryAnalyzer.subset((int) total, max, seed)).asLongStream().toArray();
  }
}
