package dev.x2s.baselines.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GloveBaselineTest {
  private static final String[][] TOPICS = {
      {"cat", "dog", "horse", "cow", "sheep", "goat"},
      {"red", "blue", "green", "yellow", "purple", "orange"}};

  @TempDir Path tmp;

  /**
   * Two topics (pattern of Word2VecBaselineTest), but one word in ten comes from the other topic: GloVe
   * fits log X only where X &gt; 0, and if words never met across topics, biases alone could fit
   * uniform within-topic counts, leaving the vectors nothing to learn.
   */
  private static List<List<String>> twoTopicCorpus(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> corpus = new ArrayList<>();
    for (int s = 0; s < 3000; s++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String[] t = TOPICS[(s + (rng.nextInt(10) == 0 ? 1 : 0)) % 2];
        words.add(t[rng.nextInt(t.length)]);
      }
      corpus.add(words);
    }
    return corpus;
  }

  private GloveOptions small() {
    return GloveOptions.defaults().withDim(16).withWindow(3).withMinCount(1).withIterations(25)
        .withThreads(1).withSeed(5).withTempDir(tmp).withMemoryBytes(1 << 20);
  }

  /**
   * After training, a word must be closer on average to the words of its own topic than to the other
   * topic's. Untrained (random) vectors fail this (checked below with 0 iterations).
   */
  @Test
  void learnsTopicStructureOnASyntheticCorpus() throws IOException {
    long seed = 4;
    GloveResult r = GloveBaseline.train(twoTopicCorpus(seed), small(), null);
    WordVectors v = r.vectors();
    assertEquals(12, v.size());
    double[] wa = withinAcross(v);
    System.out.printf("GloVe two topics (corpus seed %d): within %.3f across %.3f%n", seed, wa[0], wa[1]);
    assertTrue(wa[0] > wa[1] + 0.3, "within " + wa[0] + " across " + wa[1]);
    List<Double> costs = r.stats().costs();
    assertTrue(costs.get(costs.size() - 1) < costs.get(0) / 10, "cost falls: " + costs);

    double[] untrained = withinAcross(GloveBaseline.train(twoTopicCorpus(seed), small().withIterations(0),
        null).vectors());
    assertTrue(untrained[0] < untrained[1] + 0.3, "random vectors pass the test: " + untrained[0] + " "
        + untrained[1]);
  }

  private static double[] withinAcross(WordVectors v) {
    double within = 0;
    double across = 0;
    for (String a : TOPICS[0]) {
      for (String b : TOPICS[0]) {
        if (!a.equals(b)) {
          within += v.cosine(v.indexOf(a), v.indexOf(b));
        }
      }
      for (String b : TOPICS[1]) {
        across += v.cosine(v.indexOf(a), v.indexOf(b));
      }
    }
    return new double[] {within / 30, across / 36};
  }

  /** One thread: the same seed and corpus give the same floats; rows are in frequency order. */
  @Test
  void singleThreadRunsAreReproducibleAndOrderedByFrequency() throws IOException {
    List<List<String>> corpus = new ArrayList<>(twoTopicCorpus(9));
    corpus.add(List.of("rare", "cat"));
    GloveOptions o = small().withIterations(3);
    GloveResult a = GloveBaseline.train(corpus, o, null);
    GloveResult b = GloveBaseline.train(corpus, o, null);
    assertArrayEquals(a.vectors().matrix(), b.vectors().matrix(), 0f);
    assertEquals(13, a.vectors().size());
    assertEquals("rare", a.vectors().word(12));
    for (int i = 1; i < a.vocabulary().size(); i++) {
      assertTrue(a.vocabulary().count(i - 1) >= a.vocabulary().count(i));
    }
    GloveStats s = a.stats();
    assertEquals(3001, s.sentences());
    assertEquals(3000 * 8 + 2, s.tokens());
    // all 12 × 12 ordered pairs of topic words (self pairs included) occur, plus rare–cat both ways.
    assertEquals(144 + 2, s.pairs());
    assertEquals(3, s.costs().size());
    GloveResult c = GloveBaseline.train(corpus, o.withSeed(6), null);
    assertTrue(!java.util.Arrays.equals(a.vectors().matrix(), c.vectors().matrix()), "seed matters");
  }

  /** Two threads (Hogwild) still learn the structure. */
  @Test
  void hogwildWithTwoThreadsLearns() throws IOException {
    GloveResult r = GloveBaseline.train(twoTopicCorpus(11), small().withThreads(2), null);
    double[] wa = withinAcross(r.vectors());
    assertTrue(wa[0] > wa[1] + 0.3, "within " + wa[0] + " across " + wa[1]);
  }

  /** Sentences of one vocabulary word each have no pairs: a clear error, not NaN vectors. */
  @Test
  void noPairsIsAnError() {
    List<List<String>> corpus = List.of(List.of("a"), List.of("b"), List.of("a"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> GloveBaseline.train(corpus, small(), null));
    assertTrue(e.getMessage().contains("no two vocabulary words share a sentence"), e.getMessage());
  }
}
