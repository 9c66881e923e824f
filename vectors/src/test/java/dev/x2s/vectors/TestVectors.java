package dev.x2s.vectors;

import java.util.Random;

/** Random word vectors for tests (seeded; the seed is printed by callers on failure). */
final class TestVectors {
  private TestVectors() {}

  static WordVectors random(long seed, int n, int dim) {
    Random rnd = new Random(seed);
    String[] words = new String[n];
    float[] m = new float[n * dim];
    String[] unicode = {"café", "日本語", "naïve", "αβγ", "emoji🙂", "</s>", "a.b"};
    for (int i = 0; i < n; i++) {
      words[i] = i < unicode.length ? unicode[i] + i : "w" + i;
      for (int k = 0; k < dim; k++) {
        float v = (float) rnd.nextGaussian();
        switch (rnd.nextInt(20)) {
          case 0 -> v *= 1e-6f;
          case 1 -> v *= 1e4f;
          case 2 -> v = 0f;
          default -> {}
        }
        m[i * dim + k] = v;
      }
    }
    return new WordVectors(words, m, dim);
  }
}
