package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VectorSpaceTest {
  private final VectorSpace space =
      new VectorSpace(TestVectors.of(1, "Apple", 1, "apple", 2, "Paris", 3, "berlin", 4));

  @Test
  void exactThenLowerCase() {
    assertEquals(0, space.row("Apple"));
    assertEquals(1, space.row("apple"));
    assertEquals(1, space.row("APPLE"));
    assertEquals(2, space.row("Paris"));
    assertEquals(-1, space.row("paris"), "no upper-casing");
    assertEquals(3, space.row("Berlin"));
    assertEquals(-1, space.row("rome"));
  }

  @Test
  void lookupWithinALimit() {
    assertEquals(-1, space.row("berlin", 3));
    assertEquals(0, space.row("Apple", 1));
    assertEquals(-1, space.row("APPLE", 1), "lower-case form lies beyond the limit");
  }

  @Test
  void lowercaseOptionLowersBenchmarkWords() {
    VectorSpace lower = new VectorSpace(space.vectors(), true);
    assertEquals(1, lower.row("Apple"));
    assertEquals(-1, lower.row("Paris"));
  }

  /* Mean of raw 1-D vectors 1,2,3,4 = 2.5 → unit (1). */
  @Test
  void meanfillVector() {
    assertArrayEquals(new float[] {1f}, space.unitVector("rome", Protocol.MEANFILL));
    assertNull(space.unitVector("rome", Protocol.SKIP));
    assertArrayEquals(new float[] {1f}, space.unitVector("Berlin", Protocol.SKIP));
  }
}
