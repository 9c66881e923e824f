package dev.x2s.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastWord2VecTest {
  static final String[][] TOPICS = {
      {"cat", "dog", "horse", "cow", "sheep", "goat"},
      {"red", "blue", "green", "yellow", "purple", "orange"}};

  /** Two topics whose words never share a sentence. */
  static List<String> corpus() {
    SplittableRandom rng = new SplittableRandom(4);
    List<String> corpus = new ArrayList<>();
    for (int s = 0; s < 3000; s++) {
      String[] t = TOPICS[s % 2];
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        sb.append(w == 0 ? "" : " ").append(t[rng.nextInt(t.length)]);
      }
      corpus.add(sb.toString());
    }
    return corpus;
  }

  /** Mean within-topic cosine minus mean across-topic cosine. */
  static double separation(WordVectors v) {
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
    return within / 30 - across / 36;
  }

  @Test
  void cbowAndSkipGramLearnTopicStructure() {
    for (boolean sg : new boolean[] {false, true}) {
      Word2VecOptions o = new Word2VecOptions(sg, 16, 3, 1, 5, 0, 3, sg ? 0.025 : 0.05, 2, 1);
      WordVectors v = FastWord2Vec.train(corpus(), o);
      assertEquals(12, v.size());
      assertTrue(separation(v) > 0.3, (sg ? "sg" : "cbow") + " separation " + separation(v));
    }
    // The check can fail: zero epochs leave the random initialisation, which does not separate.
    WordVectors untrained = FastWord2Vec.train(corpus(), new Word2VecOptions(false, 16, 3, 1, 5, 0, 0, 0.05, 1, 1));
    assertTrue(Math.abs(separation(untrained)) < 0.3, "untrained " + separation(untrained));
  }

  @Test
  void oneThreadIsReproducible() {
    Word2VecOptions o = new Word2VecOptions(false, 8, 3, 1, 5, 1e-3, 2, 0.05, 1, 7);
    assertArrayEquals(FastWord2Vec.train(corpus(), o).matrix(), FastWord2Vec.train(corpus(), o).matrix());
  }
}
