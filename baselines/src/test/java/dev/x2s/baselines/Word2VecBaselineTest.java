package dev.x2s.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Word2VecBaselineTest {

  /**
   * Two topics whose words never share a sentence: after training, a word must be closer (on average)
   * to the words of its own topic than to the other topic's. Untrained (random) vectors fail this.
   */
  @Test
  void learnsTopicStructureOnASyntheticCorpus() {
    String[][] topics = {
        {"cat", "dog", "horse", "cow", "sheep", "goat"},
        {"red", "blue", "green", "yellow", "purple", "orange"}};
    SplittableRandom rng = new SplittableRandom(4);
    List<String> corpus = new ArrayList<>();
    for (int s = 0; s < 3000; s++) {
      String[] t = topics[s % 2];
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        sb.append(w == 0 ? "" : " ").append(t[rng.nextInt(t.length)]);
      }
      corpus.add(sb.toString());
    }
    Word2VecOptions o = new Word2VecOptions(false, 16, 3, 1, 5, 0, 3, 0.05, 1, 1);
    WordVectors v = Word2VecBaseline.train(corpus, o);
    assertEquals(12, v.size());
    double within = 0;
    double across = 0;
    for (String a : topics[0]) {
      for (String b : topics[0]) {
        if (!a.equals(b)) {
          within += v.cosine(v.indexOf(a), v.indexOf(b));
        }
      }
      for (String b : topics[1]) {
        across += v.cosine(v.indexOf(a), v.indexOf(b));
      }
    }
    within /= 30;
    across /= 36;
    assertTrue(within > across + 0.2, "within " + within + " across " + across);
  }
}
