package dev.x2s.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentenceLimitTest {
  @Test
  void zeroAndAllMeanAllEverywhere() {
    assertSame(SentenceLimit.ALL, SentenceLimit.parse("all"));
    assertSame(SentenceLimit.ALL, SentenceLimit.parse("ALL"));
    assertSame(SentenceLimit.ALL, SentenceLimit.parse("0"));
    assertSame(SentenceLimit.ALL, SentenceLimit.parse(0)); // YAML 0
    assertSame(SentenceLimit.ALL, SentenceLimit.of(0));
    assertSame(SentenceLimit.ALL, SentenceLimit.of(Long.MAX_VALUE));
    assertTrue(SentenceLimit.ALL.isAll());
    assertEquals(Long.MAX_VALUE, SentenceLimit.ALL.max());
    assertEquals(0, SentenceLimit.ALL.json());
    assertEquals("all", SentenceLimit.ALL.toString());
  }

  @Test
  void aCountIsAtMostThatMany() {
    SentenceLimit l = SentenceLimit.parse("20000");
    assertFalse(l.isAll());
    assertEquals(20000, l.max());
    assertEquals(20000, l.json());
    assertEquals("20000", l.toString());
    assertEquals(l, SentenceLimit.parse(20000L));
    assertEquals(l, SentenceLimit.parse(l.toString()));
  }

  @Test
  void rejectsNegativeAndNonNumbers() {
    for (Object bad : new Object[] {"-1", -5, "many", "1.5", "", 2.0}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentenceLimit.parse(bad),
          String.valueOf(bad));
      assertTrue(e.getMessage().contains("all"), e.getMessage());
    }
  }
}
