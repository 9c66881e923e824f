package dev.x2s.layerpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlendTest {
  private static final float[] POOLED = {3, 4};     // unit: (0.6, 0.8)
  private static final float[] ALONE = {0, -2};     // unit: (0, -1)

  @Test
  void weighsTheUnitSourcesByOccurrencesOverOccurrencesPlusKappa() {
    // n = 10, κ = 10: a = 1/2 → (0.3, 0.4 − 0.5)
    assertArrayEquals(new float[] {0.3f, -0.1f}, Blend.of(POOLED, 10, ALONE, 10), 1e-6f);
    // n = 30, κ = 10: a = 3/4 → (0.45, 0.6 − 0.25)
    assertArrayEquals(new float[] {0.45f, 0.35f}, Blend.of(POOLED, 30, ALONE, 10), 1e-6f);
  }

  @Test
  void aWordWithoutCorpusVectorIsItsDecontextVectorAndKappaZeroFills() {
    assertArrayEquals(new float[] {0, -1}, Blend.of(null, 0, ALONE, 10), 1e-6f);
    assertArrayEquals(new float[] {0.6f, 0.8f}, Blend.of(POOLED, 1, ALONE, 0), 1e-6f);
    assertArrayEquals(new float[] {0, -1}, Blend.of(null, 0, ALONE, 0), 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> Blend.of(POOLED, 1, ALONE, -1));
    // κ = 0 needs no vector alone for a word the corpus has; any other weight does
    assertArrayEquals(new float[] {0.6f, 0.8f}, Blend.of(POOLED, 7, null, 0), 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> Blend.of(POOLED, 7, null, 1));
  }
}
