package dev.x2s.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected outputs are worked out by hand from the rules in the README section "Words". */
class WordTokenizerTest {
  private final WordTokenizer tok = new WordTokenizer();

  private List<String> t(String s) {
    return tok.tokenize(s);
  }

  private static List<String> w(String spaced) {
    return Arrays.asList(spaced.split(" "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // punctuation split off, case kept
      "The cat sat on the mat.|The cat sat on the mat .",
      "Hello, world!|Hello , world !",
      "`\"Quoted\" (parens) [brackets]; colon: end?`|`\" Quoted \" ( parens ) [ brackets ] ; colon : end ?`",
      // hyphenated compounds stay together, dangling hyphens do not join
      "a well-known self-discipline up-to-date fix|a well-known self-discipline up-to-date fix",
      "the suffix -ism and an- prefix -- dash|the suffix - ism and an - prefix -- dash",
      "1914–1918 and 1914-1918|1914 – 1918 and 1914-1918",
      // internal apostrophes stay (possessive, contraction, name); curly ones become '
      "the city's mayor don't O'Brien|the city's mayor don't O'Brien",
      "the people\u2019s ‘mental enslavement’|the people's ‘ mental enslavement ’",
      "the students' union 'tis|the students ' union ' tis",
      // numbers
      "pi is 3.14 and 1,000 or 1,000.50 at 10:30 for 1/2 cup|pi is 3.14 and 1,000 or 1,000.50 at 10:30 for 1/2 cup",
      "costs $5.00 (50%), i.e. less|costs $ 5.00 ( 50 % ) , i.e. less",
      "and/or cats/dogs|and / or cats / dogs",
      // abbreviations, acronyms and initials keep their period mid-sentence
      "Mr. Smith met Dr. Jones in the U.S. today|Mr. Smith met Dr. Jones in the U.S. today",
      "J. R. R. Tolkien wrote it|J. R. R. Tolkien wrote it",
      "e.g. this, etc. and No. 5 but No more|e.g. this , etc. and No. 5 but No more",
      // sentence-final period: split, except after a dotted acronym
      "He lives in the U.S.|He lives in the U.S.",
      "He took vitamin C.|He took vitamin C .",
      "Ask Mr.|Ask Mr .",
      "They sold apples, pears, etc.|They sold apples , pears , etc .",
      "It ended.\"|It ended . \"",
      "Wait... what?!|Wait ... what ? !",
      // ampersand between capitals
      "AT&T and R&B, rock & roll, this&that|AT&T and R&B , rock & roll , this & that",
      // URLs and e-mail
      "See http://example.com/a_b?x=1. Then|See http://example.com/a_b?x=1 . Then",
      "(see https://en.wikipedia.org/wiki/Foo_(bar)) now|( see https://en.wikipedia.org/wiki/Foo_(bar) ) now",
      "visit www.example.org, or mail john.smith@example.co.uk.|visit www.example.org , or mail john.smith@example.co.uk .",
      "a@b is not mail|a @ b is not mail",
      // Unicode letters and marks, no-break space, soft-hyphen free
      "Étienne de La Boétie’s ἀναρχία|Étienne de La Boétie's ἀναρχία",
      "naïve\u00A0café 東京都|naïve café 東京都",
      "under_score snake_case|under_score snake_case",
  })
  void cases(String input, String expected) {
    assertEquals(w(expected), t(input));
  }

  @Test
  void emptyAndBlank() {
    assertEquals(List.of(), t(""));
    assertEquals(List.of(), t(" \t\u00A0\u200B "));
  }

  @Test
  void combiningMarksStayInTheWord() {
    // "e" + COMBINING ACUTE ACCENT (decomposed é), Devanagari with a vowel sign
    assertEquals(List.of("cafe\u0301", "हिन्दी"), t("cafe\u0301 हिन्दी"));
  }

  @Test
  void supplementaryCharacters() {
    // an emoji (So, punctuation-like symbol) is its own word; a run of the same one is one word
    assertEquals(List.of("hi", "\uD83D\uDE00\uD83D\uDE00", "there"), t("hi\uD83D\uDE00\uD83D\uDE00there"));
    // a math letter outside the BMP is a letter
    assertEquals(List.of("x\uD835\uDC00y"), t("x\uD835\uDC00y"));
  }

  @Test
  void appendsToAList() {
    List<String> out = new java.util.ArrayList<>(List.of("x"));
    assertEquals(2, tok.tokenize("a b", out));
    assertEquals(List.of("x", "a", "b"), out);
  }
}
