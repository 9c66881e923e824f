package dev.x2s.layerpc.geometry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Computes {@link LayerGeometry} for every layer of an {@link OccurrenceSource}: self-similarity,
 * intra-sentence similarity, MEV, and their anisotropy baselines. Deterministic for a seed: every
 * random draw comes from a generator seeded by (seed, layer) or (seed, word).
 */
public final class GeometryAnalyzer {
  private final GeometryOptions options;
  private final ManifoldOptions manifold;

  public GeometryAnalyzer(GeometryOptions options) {
    this(options, null);
  }

  /** With {@code manifold} non-null, also the cluster, LID and frequency view of every layer. */
  public GeometryAnalyzer(GeometryOptions options, ManifoldOptions manifold) {
    this.options = options;
    this.manifold = manifold;
  }

  /** Analyses every layer; {@code onLayer} hears each finished layer index (progress). */
  public TeacherGeometry analyze(OccurrenceSource source, String origin, IntConsumer onLayer) throws IOException {
    List<String> words = source.words();
    int dim = source.dim();
    long[][] sentences = new long[words.size()][];
    int[][] positions = new int[words.size()][];
    for (int w = 0; w < words.size(); w++) {
      sentences[w] = source.sentenceIds(words.get(w));
      positions[w] = source.positions(words.get(w));
      if (sentences[w].length != positions[w].length) {
        throw new IOException(source.name() + ": word '" + words.get(w) + "' has " + sentences[w].length
            + " sentence ids but " + positions[w].length + " positions");
      }
    }
    int[] eligible = IntStream.range(0, words.size())
        .filter(w -> sentences[w].length >= options.minOccurrences())
        .toArray();
    int[][] mevRows = new int[words.size()][];
    for (int w : eligible) {
      mevRows[w] = subset(sentences[w].length, options.maxOccurrences(), mix(options.seed(), w));
    }
    int[] mevSizes = IntStream.of(eligible).map(w -> mevRows[w].length).toArray();
    List<int[][]> sentenceMembers = sentenceMembers(sentences, positions);
    int[] sentenceLengths = sentenceMembers.stream().mapToInt(m -> m.length).toArray();

    long[] frequency = new long[words.size()];
    for (int w = 0; w < words.size(); w++) {
      frequency[w] = source.frequency(words.get(w));
    }
    List<LayerGeometry> out = new ArrayList<>();
    List<LayerManifold> manifolds = new ArrayList<>();
    for (int layer = 0; layer < source.layers(); layer++) {
      float[][] rows = new float[words.size()][];
      for (int w = 0; w < words.size(); w++) {
        rows[w] = source.occurrences(words.get(w), layer);
        if (rows[w].length != sentences[w].length * dim) {
          throw new IOException(source.name() + ": word '" + words.get(w) + "' layer " + layer + " has "
              + rows[w].length + " values, expected " + sentences[w].length + " × " + dim);
        }
      }
      LayerData d = new LayerData(dim, rows, sentences);
      out.add(layer(layer, source.layerNumber(layer), d, eligible, mevRows, mevSizes, sentenceMembers,
          sentenceLengths));
      if (manifold != null) {
        manifolds.add(new ManifoldAnalyzer(manifold, options).layer(source.layerNumber(layer), d, eligible,
            sentenceMembers, frequency, words));
      }
      if (onLayer != null) {
        onLayer.accept(source.layerNumber(layer));
      }
    }
    return new TeacherGeometry(source.name(), origin, out, manifolds);
  }

  private LayerGeometry layer(int layer, int layerNumber, LayerData d, int[] eligible, int[][] mevRows, int[] mevSizes,
      List<int[][]> sentenceMembers, int[] sentenceLengths) {
    int dim = d.dim;
    double[] self = new double[eligible.length];
    ExplainedVariance.Mev[] mev = new ExplainedVariance.Mev[eligible.length];
    IntStream.range(0, eligible.length).parallel().forEach(i -> {
      int w = eligible[i];
      self[i] = SelfSimilarity.of(d.rows[w], dim);
      mev[i] = ExplainedVariance.of(select(d.rows[w], mevRows[w], dim), dim);
    });
    double[] intra = new double[sentenceMembers.size()];
    IntStream.range(0, intra.length).parallel().forEach(s -> {
      int[][] members = sentenceMembers.get(s);
      float[] rows = new float[members.length * dim];
      for (int j = 0; j < members.length; j++) {
        System.arraycopy(d.rows[members[j][0]], members[j][1] * dim, rows, j * dim, dim);
      }
      intra[s] = IntraSentenceSimilarity.of(rows, dim);
    });
    SplittableRandom rnd = new SplittableRandom(mix(options.seed(), -1 - layer));
    double pairCos = AnisotropyBaselines.randomPairCosine(d, options.baselinePairs(), rnd);
    ExplainedVariance.Mev mevBase = AnisotropyBaselines.mevOfRandomSets(d, mevSizes, options.baselineSets(), rnd);
    double intraBase =
        AnisotropyBaselines.intraSentenceOfRandomSentences(d, sentenceLengths, options.baselineSets(), rnd);
    double paperBase = AnisotropyBaselines.paperMev(d, options.paperBaselineSize(), rnd);
    return new LayerGeometry(layerNumber, eligible.length, intra.length, nanMean(self), nanMean(intra),
        meanMev(List.of(mev)), pairCos, intraBase, mevBase, paperBase);
  }

  /** Each sentence with ≥ 2 stored occurrences: its (word, row) members, one per distinct position. */
  private static List<int[][]> sentenceMembers(long[][] sentences, int[][] positions) {
    Map<Long, List<int[]>> bySentence = new LinkedHashMap<>();
    Set<SentencePosition> seen = new HashSet<>();
    for (int w = 0; w < sentences.length; w++) {
      for (int r = 0; r < sentences[w].length; r++) {
        if (seen.add(new SentencePosition(sentences[w][r], positions[w][r]))) {
          bySentence.computeIfAbsent(sentences[w][r], k -> new ArrayList<>()).add(new int[] {w, r});
        }
      }
    }
    List<int[][]> out = new ArrayList<>();
    bySentence.keySet().stream().sorted().forEach(s -> {
      List<int[]> m = bySentence.get(s);
      if (m.size() >= 2) {
        out.add(m.toArray(int[][]::new));
      }
    });
    return out;
  }

  private record SentencePosition(long sentence, int position) {}

  /** {@code k} of {@code n} row indices, in increasing order (all when n ≤ k). */
  static int[] subset(int n, int k, long seed) {
    if (n <= k) {
      return IntStream.range(0, n).toArray();
    }
    // partial Fisher–Yates
    int[] idx = IntStream.range(0, n).toArray();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, k);
    java.util.Arrays.sort(out);
    return out;
  }

  private static float[] select(float[] rows, int[] which, int dim) {
    if (which.length * dim == rows.length) {
      return rows;
    }
    float[] out = new float[which.length * dim];
    for (int j = 0; j < which.length; j++) {
      System.arraycopy(rows, which[j] * dim, out, j * dim, dim);
    }
    return out;
  }

  static long mix(long seed, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static double nanMean(double[] v) {
    double s = 0;
    int m = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        m++;
      }
    }
    return m == 0 ? Double.NaN : s / m;
  }

  static ExplainedVariance.Mev meanMev(List<ExplainedVariance.Mev> all) {
    return new ExplainedVariance.Mev(
        nanMean(all.stream().mapToDouble(ExplainedVariance.Mev::centred).toArray()),
        nanMean(all.stream().mapToDouble(ExplainedVariance.Mev::uncentred).toArray()),
        nanMean(all.stream().mapToDouble(ExplainedVariance.Mev::truncatedSvd).toArray()));
  }
}
