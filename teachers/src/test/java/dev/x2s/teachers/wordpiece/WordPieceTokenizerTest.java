package dev.x2s.teachers.wordpiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases from Google's BERT {@code tokenization_test.py} (google-research/bert), whose expected outputs
 * are quoted verbatim, plus x2s's per-word encoding.
 */
class WordPieceTokenizerTest {
  static final List<String> VOCAB = List.of(
      "[UNK]", "[CLS]", "[SEP]", "want", "##want", "##ed", "wa", "un", "runn", "##ing", ",");

  @Test
  void fullTokenizer() {
    // test_full_tokenizer
    WordPieceTokenizer t = new WordPieceTokenizer(VOCAB, true);
    assertEquals(List.of("un", "##want", "##ed", ",", "runn", "##ing"), t.tokenize("UNwant\u00E9d,running"));
  }

  @Test
  void chinese() {
    // test_chinese
    assertEquals(List.of("ah", "\u535A", "\u63A8", "zz"), new BasicTokenizer(true).tokenize("ah\u535A\u63A8zz"));
  }

  @Test
  void basicLower() {
    // test_basic_tokenizer_lower
    BasicTokenizer b = new BasicTokenizer(true);
    assertEquals(List.of("hello", "!", "how", "are", "you", "?"), b.tokenize(" \tHeLLo!how  \n Are yoU?  "));
    assertEquals(List.of("hello"), b.tokenize("H\u00E9llo"));
  }

  @Test
  void basicNoLower() {
    // test_basic_tokenizer_no_lower
    assertEquals(List.of("HeLLo", "!", "how", "Are", "yoU", "?"),
        new BasicTokenizer(false).tokenize(" \tHeLLo!how  \n Are yoU?  "));
  }

  @Test
  void wordpiece() {
    // test_wordpiece_tokenizer (vocab without ",")
    WordPieceTokenizer t = new WordPieceTokenizer(VOCAB.subList(0, 10), true);
    assertEquals(List.of(), t.tokenize(""));
    assertEquals(List.of("un", "##want", "##ed", "runn", "##ing"), t.tokenize("unwanted running"));
    assertEquals(List.of("[UNK]", "runn", "##ing"), t.tokenize("unwantedX running"));
  }

  @Test
  void characterClasses() {
    // test_is_whitespace, test_is_control, test_is_punctuation
    for (int c : new int[] {' ', '\t', '\r', '\n', 0x00A0}) {
      assertTrue(BasicTokenizer.isWhitespace(c), Integer.toHexString(c));
    }
    for (int c : new int[] {'A', '-'}) {
      assertFalse(BasicTokenizer.isWhitespace(c));
    }
    assertTrue(BasicTokenizer.isControl(0x0005));
    for (int c : new int[] {'A', ' ', '\t', '\r', 0x1F4A9}) {
      assertFalse(BasicTokenizer.isControl(c), Integer.toHexString(c));
    }
    for (int c : new int[] {'-', '$', '`', '.'}) {
      assertTrue(BasicTokenizer.isPunctuation(c));
    }
    for (int c : new int[] {'A', ' '}) {
      assertFalse(BasicTokenizer.isPunctuation(c));
    }
  }

  @Test
  void eachWordOwnsItsPieces() {
    WordPieceTokenizer t = new WordPieceTokenizer(
        List.of("[UNK]", "[CLS]", "[SEP]", "don", "'", "t", "un", "##want", "##ed", "runn", "##ing"), true);
    WordPieceTokenizer.Encoded e = t.encodeWords(List.of("Don't", "unwanted", "\u0005", "running"));
    // don ' t | un ##want ##ed | [UNK] (a word of only a control char) | runn ##ing
    assertArrayEquals(new int[] {3, 4, 5, 6, 7, 8, 0, 9, 10}, e.ids());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 3, 3}, e.wordOfPiece());
    assertEquals(List.of(List.of("don", "'", "t"), List.of("un", "##want", "##ed"), List.of("[UNK]"),
        List.of("runn", "##ing")), t.pieces(List.of("Don't", "unwanted", "\u0005", "running")));
  }

  @Test
  void overlongWordIsUnknown() {
    WordPieceTokenizer t = new WordPieceTokenizer(List.of("[UNK]", "a", "##a"), true);
    assertEquals(List.of("a", "##a"), t.tokenize("aa"));
    assertEquals(100, "a".repeat(100).length());
    assertEquals(100, t.tokenize("a".repeat(100)).size());
    assertEquals(List.of("[UNK]"), t.tokenize("a".repeat(101)));
  }

  @Test
  void casedKeepsAccentsAndCase() {
    WordPieceTokenizer t = new WordPieceTokenizer(List.of("[UNK]", "Zoë", "zoe"), false);
    assertEquals(List.of("Zoë"), t.tokenize("Zoë"));
    WordPieceTokenizer u = new WordPieceTokenizer(List.of("[UNK]", "Zoë", "zoe"), true);
    assertEquals(List.of("zoe"), u.tokenize("Zoë"));
  }
}
