package dev.x2s.baselines.glove;

import dev.x2s.corpus.Vocabulary;
import java.util.Arrays;
import java.util.List;

/**
 * Counts weighted co-occurrences like GloVe's {@code cooccur.c} with {@code -symmetric 1
 * -distance-weighting 1}: words outside the vocabulary are dropped first (they take no position, so
 * distances are counted among vocabulary words), then every word is paired with each of the
 * {@code window} words before it in the same sentence at distance d, adding 1/d to both
 * (context, word) and (word, context). A word paired with itself gets 2/d.
 */
final class CooccurrenceCounter {
  private final Vocabulary vocab;
  private final int window;
  private final PairAccumulator pairs;
  private int[] ids = new int[256];
  private long tokens;
  private long vocabTokens;
  private long sentences;

  CooccurrenceCounter(Vocabulary vocab, int window, PairAccumulator pairs) {
    this.vocab = vocab;
    this.window = window;
    this.pairs = pairs;
  }

  void addSentence(List<String> words) {
    int n = 0;
    for (String w : words) {
      int id = vocab.id(w);
      if (id >= 0) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, 2 * n);
        }
        ids[n++] = id;
      }
    }
    tokens += words.size();
    vocabTokens += n;
    sentences++;
    for (int j = 1; j < n; j++) {
      int word = ids[j];
      for (int k = j - 1, stop = Math.max(0, j - window); k >= stop; k--) {
        double weight = 1.0 / (j - k);
        pairs.add(ids[k], word, weight);
        pairs.add(word, ids[k], weight);
      }
    }
  }

  long tokens() {
    return tokens;
  }

  long vocabTokens() {
    return vocabTokens;
  }

  long sentences() {
    return sentences;
  }
}
