package dev.x2s.layerpc.geometry;

import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a unit test: isotropy I(V) of static sets made from an occurrence store — each word's mean
 * occurrence vector at a layer — before and after all-but-the-top: {@code IsotropySmoke STORE.x2o
 * [layer...]} (default layers 0, 6, 12).
 */
public final class IsotropySmoke {
  private IsotropySmoke() {}

  public static void main(String[] args) throws Exception {
    int[] layers = {0, 6, 12};
    if (args.length > 1) {
      layers = java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
    }
    try (OccurrenceStore s = OccurrenceStore.open(Path.of(args[0]))) {
      int dim = s.dim();
      for (int layer : layers) {
        List<String> words = new ArrayList<>();
        List<float[]> means = new ArrayList<>();
        for (int w = 0; w < s.wordCount(); w++) {
          int n = s.slotCount(w);
          if (n == 0) {
            continue;
          }
          float[] m = s.matrix(w, layer);
          float[] mean = new float[dim];
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
              mean[k] += m[i * dim + k] / n;
            }
          }
          words.add(s.word(w));
          means.add(mean);
        }
        float[] matrix = new float[means.size() * dim];
        for (int i = 0; i < means.size(); i++) {
          System.arraycopy(means.get(i), 0, matrix, i * dim, dim);
        }
        WordVectors v = new WordVectors(words.toArray(String[]::new), matrix, dim);
        long t = System.nanoTime();
        Isotropy.Report r = Isotropy.report(v);
        System.out.printf("layer %2d: %,d word means × %d: I(V) = %.3g, after all-but-the-top (D=%d) = %.3g"
            + " (%.1f s)%n", layer, r.size(), dim, r.isotropy(), r.abttComponents(), r.isotropyAfterAbtt(),
            (System.nanoTime() - t) / 1e9);
      }
    }
  }
}
