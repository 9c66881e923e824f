package dev.x2s.layerpc.geometry;

import java.util.SplittableRandom;

/** Random occurrence sources for tests: Gaussian rows around a per-word centre plus a shared offset. */
final class RandomOccurrences {
  private RandomOccurrences() {}

  /** {@code words} words with 5–12 occurrences each, sentence ids shared between words. */
  static InMemoryOccurrences source(String name, int layers, int dim, int words, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InMemoryOccurrences.Builder b = InMemoryOccurrences.builder(name, layers, dim);
    for (int w = 0; w < words; w++) {
      int n = 5 + rnd.nextInt(8);
      long[] sent = new long[n];
      int[] pos = new int[n];
      for (int i = 0; i < n; i++) {
        sent[i] = rnd.nextInt(words * 2);
        pos[i] = w;
      }
      float[][] per = new float[layers][n * dim];
      for (int l = 0; l < layers; l++) {
        double[] centre = new double[dim];
        for (int k = 0; k < dim; k++) {
          centre[k] = rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < dim; k++) {
            per[l][i * dim + k] = (float) (centre[k] + 0.5 * rnd.nextGaussian() + (k == 0 ? 2 * l : 0));
          }
        }
      }
      b.add("w" + w, per, sent, pos);
    }
    return b.build();
  }
}
