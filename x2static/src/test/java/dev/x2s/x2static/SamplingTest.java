package dev.x2s.x2static;

import dev.x2s.corpus.Vocabulary;
import dev.x2s.corpus.AliasSampler;
import dev.x2s.corpus.Subsampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class SamplingTest {

  static Vocabulary vocab() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("the", 1000L);
    counts.put("cat", 90L);
    counts.put("sat", 90L);
    counts.put("mat", 16L);
    counts.put("a", 400L);
    counts.put("rare", 3L);
    return Vocabulary.build(counts, 5, 0);
  }

  @Test
  void vocabularyIsOrderedByCountThenWordAndDropsRareWords() {
    Vocabulary v = vocab();
    assertEquals(5, v.size());
    assertEquals("the", v.word(0));
    assertEquals("a", v.word(1));
    assertEquals("cat", v.word(2)); // tie with "sat", broken alphabetically
    assertEquals("sat", v.word(3));
    assertEquals(-1, v.id("rare"));
    assertEquals(1599, v.totalTokens()); // rare words still count in the total
  }

  @Test
  void emptyVocabularyIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.build(Map.of("x", 1L), 10, 0));
    assertTrue(e.getMessage().contains("min_count=10"), e.getMessage());
  }

  @Test
  void aliasSamplerFrequenciesMatchUnigramPowerHalf() {
    Vocabulary v = vocab();
    AliasSampler sampler = AliasSampler.unigram(v, 0.5);
    int n = 200_000;
    long[] observed = new long[v.size()];
    SplittableRandom rng = new SplittableRandom(2021);
    for (int i = 0; i < n; i++) {
      observed[sampler.sample(rng)]++;
    }
    double z = 0;
    for (int i = 0; i < v.size(); i++) {
      z += Math.sqrt(v.count(i));
    }
    double chi2 = 0;
    for (int i = 0; i < v.size(); i++) {
      double expected = n * Math.sqrt(v.count(i)) / z;
      chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
    }
    // 4 degrees of freedom; reject only at the 0.001 level (seeded, so this is stable).
    double critical = new ChiSquaredDistribution(v.size() - 1).inverseCumulativeProbability(0.999);
    assertTrue(chi2 < critical, "chi2 " + chi2 + " >= " + critical);
  }

  @Test
  void aliasSamplerIsExactForSkewedWeights() {
    // Probabilities of the alias table, computed exactly: P(i) = (prob[i] + Σ_{j: alias j = i} (1 − prob[j])) / n
    double[] w = {1, 0, 7, 2};
    AliasSampler s = new AliasSampler(w);
    SplittableRandom rng = new SplittableRandom(1);
    long[] c = new long[4];
    for (int i = 0; i < 100_000; i++) {
      c[s.sample(rng)]++;
    }
    assertEquals(0, c[1], "zero weight is never drawn");
    assertEquals(0.7, c[2] / 100_000.0, 0.01);
  }

  @Test
  void subsamplingKeepProbabilityIsFastTextFormula() {
    // f = 1000/1599; keep = sqrt(t/f) + t/f with t = 1e-3, by hand:
    double f = 1000.0 / 1599;
    double expected = Math.sqrt(1e-3 / f) + 1e-3 / f; // = 0.041586...
    assertEquals(0.0415857, expected, 1e-6);
    Subsampler sub = new Subsampler(vocab(), 1e-3);
    assertEquals(expected, sub.keepProbability(0), 1e-6);
    // A rare enough word is always kept: "mat" f = 16/1599 → sqrt(0.0999) + 0.0999 = 0.416; with t = 1e-2 → > 1
    assertEquals(1.0, Subsampler.keepProbability(16, 1599, 1e-2), 0);
    // Empirical rate matches.
    SplittableRandom rng = new SplittableRandom(9);
    int kept = 0;
    for (int i = 0; i < 100_000; i++) {
      kept += sub.keep(0, rng) ? 1 : 0;
    }
    assertEquals(expected, kept / 100_000.0, 0.003);
  }
}
