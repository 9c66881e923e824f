package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.layerpc.occurrence.OccurrenceStoreWriter;
import dev.x2s.layerpc.occurrence.StoreLayout;
import dev.x2s.teachers.WordStates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis read from a real occurrence store ({@code .x2o}) holding the toy set. */
class StoreOccurrencesTest {
  @TempDir Path dir;

  /**
   * Writes {@link ToyOccurrences} at model layers 1 and 3 (layer 3 = 2 × layer 1: cosines and variance
   * shares unchanged); all values are small integers, exact in fp16. Word "rare" has one occurrence
   * and "unseen" none.
   */
  private Path toyStore() throws IOException {
    float[][] rows = {ToyOccurrences.A, ToyOccurrences.B, ToyOccurrences.C};
    long[][] sentences = {{0, 1, 2}, {0, 1, 2}, {3, 4, 5}};
    int[][] positions = {{0, 0, 0}, {1, 1, 1}, {0, 0, 0}};
    StoreLayout layout = new StoreLayout(2, new int[] {1, 3}, new String[] {"a", "b", "c", "rare", "unseen"},
        new int[] {3, 3, 3, 1, 0}, new long[] {3, 3, 3, 1, 2}, new long[] {3, 3, 3, 1, 2});
    Path done = dir.resolve("toy.x2o");
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(dir.resolve("toy.x2o.partial"), layout)) {
      for (int word = 0; word < 3; word++) {
        for (int k = 0; k < 3; k++) {
          float x = rows[word][2 * k];
          float y = rows[word][2 * k + 1];
          // one-word states with 4 layers; only layers 1 and 3 are stored
          WordStates ws = new WordStates(4, 1, 2, new float[] {0, 0, x, y, 0, 0, 2 * x, 2 * y});
          w.put(word, k, sentences[word][k], positions[word][k], ws, 0);
        }
      }
      w.put(3, 0, 9, 0, new WordStates(4, 1, 2, new float[] {0, 0, 1, 1, 0, 0, 2, 2}), 0);
      w.finish(done);
    }
    return done;
  }

  @Test
  void analysisOfAStoreMatchesTheToyHandValues() throws IOException {
    try (OccurrenceStore store = OccurrenceStore.open(toyStore())) {
      StoreOccurrences src = StoreOccurrences.of(store, "toy", 0);
      assertEquals(List.of("a", "b", "c", "rare"), src.words()); // "unseen" has no sampled occurrence
      assertEquals(4 * 2 * 10, src.layerBytes());
      TeacherGeometry t = new GeometryAnalyzer(new GeometryOptions(1, 100, 10, 3, 128, 1000))
          .analyze(src, "toy.x2o", null);
      assertEquals(2, t.layers().size());
      for (int i = 0; i < 2; i++) {
        LayerGeometry g = t.layers().get(i);
        assertEquals(i == 0 ? 1 : 3, g.layer());
        assertEquals(3, g.words()); // "rare" is below --min-occurrences
        // hand values derived in MetricsTest / GeometryAnalyzerTest
        assertEquals((Math.sqrt(2) / 3 - 1.0 / 3 + 59.0 / 75) / 3, g.selfSimilarity(), 1e-6);
        assertEquals((1 + 3 / (2 * Math.sqrt(5)) + 1 / (2 * Math.sqrt(2))) / 3, g.intraSentence(), 1e-6);
        assertEquals((0.75 + 1 + (96 + Math.sqrt(8784)) / 192) / 3, g.mev().centred(), 1e-6);
      }
    }
  }

  @Test
  void limitsToTheMostFrequentWords() throws IOException {
    try (OccurrenceStore store = OccurrenceStore.open(toyStore())) {
      // occurrences 3, 3, 3, 1: the two most frequent are a and b (ties in table order)
      assertEquals(List.of("a", "b"), StoreOccurrences.of(store, "toy", 2).words());
    }
  }
}
