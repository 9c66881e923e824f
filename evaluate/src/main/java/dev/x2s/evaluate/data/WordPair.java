package dev.x2s.evaluate.data;

import java.util.Objects;

/** Two words in a fixed order, such as a SemEval prototype {@code x:y}. */
public record WordPair(String first, String second) {
  public WordPair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public String toString() {
    return first + ":" + second;
  }
}
