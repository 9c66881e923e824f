package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.math.VectorMath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Anisotropy baselines of one layer: each metric computed on uniformly random occurrences, which
 * is what the metric would be if words carried no identity or context (Ethayarajh 2019, §3.4).
 */
final class AnisotropyBaselines {
  private static final int MAX_REJECTIONS = 1000;

  private AnisotropyBaselines() {}

  /**
   * Mean cosine of {@code pairs} random occurrence pairs whose words and sentences differ; NaN when
   * no such pair exists.
   */
  static double randomPairCosine(LayerData d, int pairs, SplittableRandom rnd) {
    long total = d.total();
    double sum = 0;
    int m = 0;
    for (int s = 0; s < pairs; s++) {
      for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
        long a = rnd.nextLong(total);
        long b = rnd.nextLong(total);
        int wa = d.word(a);
        int wb = d.word(b);
        int ra = d.row(a, wa);
        int rb = d.row(b, wb);
        if (wa == wb || d.sentences[wa][ra] == d.sentences[wb][rb]) {
          continue;
        }
        float[] x = d.rows[wa];
        float[] y = d.rows[wb];
        int xo = ra * d.dim;
        int yo = rb * d.dim;
        if (!VectorMath.isZero(x, xo, d.dim) && !VectorMath.isZero(y, yo, d.dim)) {
          sum += VectorMath.cosine(x, xo, y, yo, d.dim); // a zero row has no cosine: the pair is skipped
          m++;
        }
        break;
      }
    }
    return m == 0 ? Double.NaN : sum / m;
  }

  /** {@code size} distinct uniformly random flat occurrence indices (all of them if fewer). */
  static long[] sample(LayerData d, int size, SplittableRandom rnd) {
    long total = d.total();
    if (size >= total) {
      long[] all = new long[(int) total];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    Set<Long> seen = new HashSet<>();
    long[] out = new long[size];
    int k = 0;
    while (k < size) {
      long i = rnd.nextLong(total);
      if (seen.add(i)) {
        out[k++] = i;
      }
    }
    return out;
  }

  /**
   * Mean MEV (three variants) of random occurrence sets whose sizes are drawn from {@code sizes}
   * (one entry per word in the metric's average, so both averages weigh set sizes alike).
   */
  static ExplainedVariance.Mev mevOfRandomSets(LayerData d, int[] sizes, int sets, SplittableRandom rnd) {
    if (sizes.length == 0) {
      return new ExplainedVariance.Mev(Double.NaN, Double.NaN, Double.NaN);
    }
    long[][] draws = new long[sets][];
    for (int s = 0; s < sets; s++) {
      draws[s] = sample(d, sizes[rnd.nextInt(sizes.length)], rnd);
    }
    ExplainedVariance.Mev[] out = new ExplainedVariance.Mev[sets];
    IntStream.range(0, sets).parallel().forEach(s -> out[s] = ExplainedVariance.of(d.gather(draws[s]), d.dim));
    return GeometryAnalyzer.meanMev(List.of(out));
  }

  /** Mean intra-sentence similarity of random pseudo-sentences with lengths drawn from {@code lengths}. */
  static double intraSentenceOfRandomSentences(LayerData d, int[] lengths, int sets, SplittableRandom rnd) {
    if (lengths.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int m = 0;
    for (int s = 0; s < sets; s++) {
      double v = IntraSentenceSimilarity.of(d.gather(sample(d, lengths[rnd.nextInt(lengths.length)], rnd)), d.dim);
      if (!Double.isNaN(v)) {
        sum += v;
        m++;
      }
    }
    return m == 0 ? Double.NaN : sum / m;
  }

  /** The released code's MEV baseline: TruncatedSVD ratio of one matrix of random occurrences. */
  static double paperMev(LayerData d, int size, SplittableRandom rnd) {
    return ExplainedVariance.truncatedSvd(d.gather(sample(d, size, rnd)), d.dim);
  }
}
