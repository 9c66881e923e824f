package dev.x2s.evaluate.data;

import java.util.Objects;

/** A word and its gold class in a categorization benchmark. */
public record CategorizedWord(String word, String category) {
  public CategorizedWord {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(category, "category");
  }
}
