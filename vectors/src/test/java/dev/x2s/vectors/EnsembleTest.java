package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleTest {
  // a: rows (1,1) (3,1) (5,5); mean of the first 2 rows = (2,1) → centred (−1,0) (1,0) (3,4) → unit (−1,0) (1,0) (.6,.8)
  private final WordVectors a = new WordVectors(new String[] {"x", "y", "z"}, new float[] {1, 1, 3, 1, 5, 5}, 2);
  // b (other order, one extra word): x=(0,2) y=(0,0) z=(2,2) w=(9,9); mean of first 2 = (0,1) → x (0,1) y (0,−1) z (.894,.447)
  private final WordVectors b = new WordVectors(new String[] {"x", "y", "z", "w"},
      new float[] {0, 2, 0, 0, 2, 2, 9, 9}, 2);

  @Test
  void concatCentresEachInputOnItsFrequentRowsAndKeepsRowsUnit() {
    WordVectors c = Ensemble.combine(List.of(a, b), Ensemble.Mode.CONCAT, 2);
    assertEquals(List.of("x", "y", "z"), c.words());
    assertEquals(4, c.dim());
    double s = 1 / Math.sqrt(2);
    assertArrayEquals(new float[] {(float) -s, 0, 0, (float) s}, c.vector("x"), 1e-6f);
    assertArrayEquals(new float[] {(float) (0.6 * s), (float) (0.8 * s), (float) (2 / Math.sqrt(5) * s),
        (float) (1 / Math.sqrt(5) * s)}, c.vector("z"), 1e-6f);
  }

  @Test
  void averageNeedsEqualWidths() {
    WordVectors avg = Ensemble.combine(List.of(a, b), Ensemble.Mode.AVERAGE, 2);
    assertArrayEquals(new float[] {-0.5f, 0.5f}, avg.vector("x"), 1e-6f);
    WordVectors wide = new WordVectors(new String[] {"x"}, new float[] {1, 2, 3}, 3);
    assertThrows(IllegalArgumentException.class, () -> Ensemble.combine(List.of(a, wide), Ensemble.Mode.AVERAGE, 1));
  }
}
