package dev.x2s.layerpc.occurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.corpus.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusCountsTest {
  private static Sentence s(long id, String text) {
    return new Sentence(id, List.of(text.split(" ")));
  }

  @Test
  void countsOccurrencesAndDistinctSentences() {
    CorpusCounts c = new CorpusCounts(100);
    c.add(s(0, "a a b"));
    c.add(s(1, "a c"));
    c.add(s(2, "b b b"));
    assertEquals(3, c.sentences());
    assertEquals(8, c.words());
    // a: 3 occurrences in 2 sentences; b: 4 in 2; c: 1 in 1. Ordered by occurrences, then word.
    assertEquals(List.of("b", "a"), c.kept(2, 10));
    assertEquals(List.of("b"), c.kept(2, 1));
    assertEquals(List.of("b", "a", "c"), c.kept(1, 10));
    assertEquals("a", c.mostContexts().getKey()); // a and b tie on 2 contexts: the smaller word
    assertEquals(0, c.pruneLevel());
  }

  @Test
  void pruningBoundsTheTable() {
    CorpusCounts c = new CorpusCounts(3);
    c.add(s(0, "x y"));
    c.add(s(1, "x z"));
    c.add(s(2, "x w")); // table full (x, y, z): y and z (1 context) are dropped, then w enters
    assertEquals(1, c.pruneLevel());
    assertEquals(2, c.distinctWords());
    assertEquals(List.of("x"), c.kept(3, 10));
  }
}
