package dev.x2s.baselines.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooccurrenceTest {
  @TempDir Path tmp;

  /**
   * Corpus "a x b a b" / "b a"; counts a 3, b 3, x 1; min count 2 keeps a (id 0) and b (id 1, ties by
   * word). x is dropped before windowing, so sentence 1 becomes a b a b (positions 0–3). Each word at j
   * pairs with the words at k &lt; j within the window, adding 1/(j−k) to X[k][j] and to X[j][k]:
   *
   * <pre>
   *   j=1 b: k=0 a d=1                    → X[a][b] += 1,   X[b][a] += 1
   *   j=2 a: k=1 b d=1; k=0 a d=2         → X[a][b] += 1,   X[b][a] += 1;  X[a][a] += ½ + ½
   *   j=3 b: k=2 a d=1; k=1 b d=2; k=0 a d=3
   *                                       → X[a][b] += 1,   X[b][a] += 1;  X[b][b] += ½ + ½;
   *                                         X[a][b] += 1/3, X[b][a] += 1/3   (only if window ≥ 3)
   *   sentence 2 "b a": j=1 a: k=0 b d=1  → X[a][b] += 1,   X[b][a] += 1
   *
   *   window 3: X[a][a] = 1, X[b][b] = 1, X[a][b] = X[b][a] = 4 + 1/3
   *   window 2: X[a][a] = 1, X[b][b] = 1, X[a][b] = X[b][a] = 4
   *   window 1: X[a][b] = X[b][a] = 4 (no distance-2 pairs)
   * </pre>
   */
  @Test
  void countsMatchHandComputation() throws IOException {
    List<List<String>> corpus = List.of(List.of("a", "x", "b", "a", "b"), List.of("b", "a"));
    Vocabulary v = GloveBaseline.countWords(corpus, 2, null);
    assertEquals(List.of("a", "b"), List.of(v.words()));

    Map<Long, Double> w3 = count(corpus, v, 3, 1 << 20);
    assertCounts(Map.of(key(0, 0), 1.0, key(1, 1), 1.0, key(0, 1), 4 + 1 / 3.0, key(1, 0), 4 + 1 / 3.0), w3);
    Map<Long, Double> w2 = count(corpus, v, 2, 1 << 20);
    assertCounts(Map.of(key(0, 0), 1.0, key(1, 1), 1.0, key(0, 1), 4.0, key(1, 0), 4.0), w2);
    Map<Long, Double> w1 = count(corpus, v, 1, 1 << 20);
    assertCounts(Map.of(key(0, 1), 4.0, key(1, 0), 4.0), w1);
  }

  /** A table of 64 slots spills every 48 new pairs; the merged totals equal the in-memory ones. */
  @Test
  void spillAndMergeGiveTheSameCountsAsInMemory() throws IOException {
    long seed = 7;
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> corpus = new ArrayList<>();
    for (int s = 0; s < 300; s++) {
      List<String> words = new ArrayList<>();
      int n = 1 + rng.nextInt(25);
      for (int i = 0; i < n; i++) {
        words.add("w" + (int) Math.floor(Math.pow(rng.nextDouble(), 3) * 60)); // skewed frequencies
      }
      corpus.add(words);
    }
    Vocabulary v = GloveBaseline.countWords(corpus, 2, null);
    Map<Long, Double> memory = count(corpus, v, 5, 1 << 24);
    Map<Long, Double> spilled;
    try (PairAccumulator pairs = new PairAccumulator(64 * PairAccumulator.BYTES_PER_SLOT, tmp)) {
      assertEquals(64, pairs.slots());
      CooccurrenceCounter c = new CooccurrenceCounter(v, 5, pairs);
      corpus.forEach(c::addSentence);
      assertTrue(pairs.spills() > 20, "spills " + pairs.spills() + " (seed " + seed + ")");
      spilled = drain(pairs);
    }
    assertEquals(memory.keySet(), spilled.keySet());
    for (Map.Entry<Long, Double> e : memory.entrySet()) {
      assertEquals(e.getValue(), spilled.get(e.getKey()), 1e-9 * e.getValue(), "pair " + e.getKey());
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(0, left.count(), "run files deleted on close");
    }
  }

  /** Every distinct pair becomes one 12-byte record; a shuffle permutes them and is seeded. */
  @Test
  void recordsHoldEveryPairAndShuffleIsAPermutation() throws IOException {
    List<List<String>> corpus = List.of(List.of("a", "b", "c", "a", "d", "b"), List.of("c", "d", "a"));
    Vocabulary v = GloveBaseline.countWords(corpus, 1, null);
    Map<Long, Double> expected = count(corpus, v, 3, 1 << 20);
    try (PairAccumulator pairs = new PairAccumulator(1 << 20, tmp)) {
      CooccurrenceCounter c = new CooccurrenceCounter(v, 3, pairs);
      corpus.forEach(c::addSentence);
      try (CooccurrenceRecords r = CooccurrenceRecords.from(pairs, tmp)) {
        assertEquals(expected.size(), r.size());
        List<String> before = dump(r);
        r.shuffle(3);
        List<String> after = dump(r);
        assertTrue(!before.equals(after), "shuffled order differs");
        assertEquals(new java.util.TreeSet<>(before), new java.util.TreeSet<>(after));
        for (long i = 0; i < r.size(); i++) {
          assertEquals(expected.get(key(r.word(i), r.context(i))), r.value(i), 1e-6);
        }
      }
    }
  }

  private static List<String> dump(CooccurrenceRecords r) {
    List<String> out = new ArrayList<>();
    for (long i = 0; i < r.size(); i++) {
      out.add(r.word(i) + " " + r.context(i) + " " + r.value(i));
    }
    return out;
  }

  private Map<Long, Double> count(List<List<String>> corpus, Vocabulary v, int window, long memory)
      throws IOException {
    try (PairAccumulator pairs = new PairAccumulator(memory, tmp)) {
      CooccurrenceCounter c = new CooccurrenceCounter(v, window, pairs);
      corpus.forEach(c::addSentence);
      assertEquals(0, pairs.spills());
      return drain(pairs);
    }
  }

  private static Map<Long, Double> drain(PairAccumulator pairs) throws IOException {
    Map<Long, Double> out = new TreeMap<>();
    long[] last = {-1};
    pairs.drain((w, c, x) -> {
      long k = key(w, c);
      assertTrue(k > last[0], "ascending, each pair once");
      last[0] = k;
      out.put(k, x);
    });
    return out;
  }

  private static void assertCounts(Map<Long, Double> expected, Map<Long, Double> actual) {
    assertEquals(new java.util.TreeSet<>(expected.keySet()), actual.keySet());
    expected.forEach((k, x) -> assertEquals(x, actual.get(k), 1e-12, "pair " + (k >>> 32) + "," + (int) (long) k));
  }

  private static long key(int w, int c) {
    return ((long) w << 32) | c;
  }
}
