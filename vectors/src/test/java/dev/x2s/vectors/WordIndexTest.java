package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordIndexTest {
  /** Against HashMap as the reference, with growth far past the initial size and hash collisions. */
  @Test
  void behavesLikeAMap() {
    long seed = 17;
    Random rnd = new Random(seed);
    WordIndex index = new WordIndex(4);
    Map<String, Integer> ref = new HashMap<>();
    // "Aa" and "BB" have equal String.hashCode, so do all their concatenations of equal length
    String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
    for (int i = 0; i < 50_000; i++) {
      String w =
          i % 10 == 0
              ? colliding[rnd.nextInt(4)] + rnd.nextInt(50)
              : Integer.toString(rnd.nextInt(40_000), 36);
      int expected = ref.containsKey(w) ? ref.get(w) : -1;
      assertEquals(expected, index.add(w), "seed " + seed + " word " + w);
      ref.putIfAbsent(w, ref.size());
    }
    assertEquals(ref.size(), index.size());
    for (Map.Entry<String, Integer> e : ref.entrySet()) {
      assertEquals(e.getValue(), index.get(e.getKey()));
    }
    assertEquals(-1, index.get("not there"));
    assertEquals(-1, index.get("AaAa" + 999));
  }
}
