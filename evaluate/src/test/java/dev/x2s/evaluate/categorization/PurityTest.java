package dev.x2s.evaluate.categorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PurityTest {
  /*
   * clusters 0,0,1,1,1 vs classes A,A,A,B,B (A=0, B=1): cluster 0 = {A,A} → 2; cluster 1 =
   * {A,B,B} → 2; purity = (2 + 2) / 5 = 0.8.
   */
  @Test
  void handExample() {
    assertEquals(0.8, Purity.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 0, 0, 1, 1}), 1e-15);
  }

  /* One cluster holding everything: the largest class, 3 of 5. Singletons: always 1. */
  @Test
  void extremes() {
    assertEquals(0.6, Purity.of(new int[] {7, 7, 7, 7, 7}, new int[] {0, 0, 0, 1, 1}), 1e-15);
    assertEquals(1.0, Purity.of(new int[] {0, 1, 2, 3, 4}, new int[] {0, 0, 0, 1, 1}), 1e-15);
  }
}
