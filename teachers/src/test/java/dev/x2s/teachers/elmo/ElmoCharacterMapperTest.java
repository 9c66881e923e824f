package dev.x2s.teachers.elmo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked ids: AllenNLP's ELMoCharacterMapper writes begin-of-word 258, the UTF-8 bytes (at most
 * 48), end-of-word 259, padding 260, then adds 1 to every id. So BOW = 259, EOW = 260, PAD = 261 and
 * byte b becomes b + 1.
 */
class ElmoCharacterMapperTest {
  private final ElmoCharacterMapper mapper = new ElmoCharacterMapper();

  /** {@code head} followed by padding (261) up to 50 ids. */
  private static int[] padded(int... head) {
    int[] ids = new int[50];
    Arrays.fill(ids, 261);
    System.arraycopy(head, 0, ids, 0, head.length);
    return ids;
  }

  @Test
  void asciiWord() {
    // 'c' = 99, 'a' = 97, 't' = 116
    assertArrayEquals(padded(259, 100, 98, 117, 260), mapper.charIds("cat"));
  }

  @Test
  void nonAsciiWordUsesUtf8Bytes() {
    // "né": 'n' = 0x6E = 110, 'é' = U+00E9 = C3 A9 = 195 169
    assertArrayEquals(padded(259, 111, 196, 170, 260), mapper.charIds("né"));
    // U+1F600 (a surrogate pair in Java) = F0 9F 98 80 = 240 159 152 128
    assertArrayEquals(padded(259, 241, 160, 153, 129, 260), mapper.charIds("\uD83D\uDE00"));
  }

  @Test
  void sentenceBoundaryTokens() {
    assertArrayEquals(padded(259, 257, 260), mapper.charIds("<S>"));
    assertArrayEquals(padded(259, 258, 260), mapper.charIds("</S>"));
    assertArrayEquals(mapper.charIds("<S>"), mapper.beginOfSentence());
    assertArrayEquals(mapper.charIds("</S>"), mapper.endOfSentence());
    // only the exact tokens are special: "<s>" is the bytes 60 115 62
    assertArrayEquals(padded(259, 61, 116, 63, 260), mapper.charIds("<s>"));
  }

  @Test
  void longAsciiWordIsCutTo48Bytes() {
    int[] ids = mapper.charIds("x".repeat(60)); // 'x' = 120
    assertEquals(50, ids.length);
    assertEquals(259, ids[0]);
    for (int k = 1; k <= 48; k++) {
      assertEquals(121, ids[k], "position " + k);
    }
    assertEquals(260, ids[49]);
  }

  @Test
  void cutMayFallInsideAMultiByteCharacter() {
    // "a" + 30 × "é" = 61 bytes; the first 48 are 'a', 23 × (C3 A9), then C3 alone
    int[] ids = mapper.charIds("a" + "é".repeat(30));
    assertEquals(259, ids[0]);
    assertEquals(98, ids[1]);
    for (int k = 2; k < 48; k += 2) {
      assertEquals(196, ids[k], "position " + k);
      assertEquals(170, ids[k + 1], "position " + (k + 1));
    }
    assertEquals(196, ids[48]);
    assertEquals(260, ids[49]);
  }

  @Test
  void lengthsAroundTheLimit() {
    int[] ids47 = mapper.charIds("y".repeat(47)); // 'y' = 121
    assertEquals(122, ids47[47]);
    assertEquals(260, ids47[48]);
    assertEquals(261, ids47[49]);
    int[] ids48 = mapper.charIds("y".repeat(48));
    assertEquals(122, ids48[48]);
    assertEquals(260, ids48[49]);
    assertArrayEquals(ids48, mapper.charIds("y".repeat(49)));
  }

  @Test
  void emptyAndUnpairedSurrogate() {
    assertArrayEquals(padded(259, 260), mapper.charIds(""));
    // Python's encode("utf-8", "ignore") drops the lone surrogate: same as "ab"
    assertArrayEquals(padded(259, 98, 99, 260), mapper.charIds("a\uD800b"));
  }

  @Test
  void customWidth() {
    ElmoCharacterMapper five = new ElmoCharacterMapper(5);
    assertArrayEquals(new int[] {259, 98, 99, 100, 260}, five.charIds("abcdef"));
  }
}
