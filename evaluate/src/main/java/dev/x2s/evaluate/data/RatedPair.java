package dev.x2s.evaluate.data;

import java.util.Objects;

/** A word pair with a human rating (similarity benchmarks, SemEval gold ratings). */
public record RatedPair(String first, String second, double rating) {
  public RatedPair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }
}
