package dev.x2s.corpus;

import java.util.List;

/**
 * A tokenized sentence.
 *
 * @param id 0-based position in the stream of sentences (stable for a given corpus and options)
 * @param words the words, never empty
 */
public record Sentence(long id, List<String> words) {
  public Sentence {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("sentence " + id + " has no words");
    }
  }

  public int size() {
    return words.size();
  }
}
