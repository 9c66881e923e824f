package dev.x2s.evaluate;

import dev.x2s.vectors.WordVectors;

/** Builds small in-memory vector sets: {@code of("a", 1, 0, "b", 0, 1)} with dimension 2. */
public final class TestVectors {
  private TestVectors() {}

  public static WordVectors of(int dim, Object... wordsAndValues) {
    int n = wordsAndValues.length / (dim + 1);
    if (n * (dim + 1) != wordsAndValues.length) {
      throw new IllegalArgumentException("expected word then " + dim + " numbers per row");
    }
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] = (String) wordsAndValues[i * (dim + 1)];
      for (int k = 0; k < dim; k++) {
        m[i * dim + k] = ((Number) wordsAndValues[i * (dim + 1) + 1 + k]).floatValue();
      }
    }
    return new WordVectors(words, m, dim);
  }
}
