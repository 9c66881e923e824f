package dev.x2s.corpus;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants: the tokenizer only cuts text and drops separators — joining its words gives back the
 * input minus separators (with {@code ’} inside words written {@code '}); no word is empty or holds a
 * separator.
 */
class WordTokenizerPropertyTest {
  private final WordTokenizer tok = new WordTokenizer();

  static boolean separator(int cp) {
    if (cp == 0x200C || cp == 0x200D) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
          Character.PRIVATE_USE -> true;
      default -> false;
    };
  }

  static String withoutSeparators(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(cp -> !separator(cp)).forEach(sb::appendCodePoint);
    return sb.toString().replace('\u2019', '\'');
  }

  void check(String s) {
    List<String> words = tok.tokenize(s);
    for (String w : words) {
      assertFalse(w.isEmpty(), s);
      assertEquals(withoutSeparators(w), w.replace('\u2019', '\''), "separator inside word of: " + s);
    }
    assertEquals(withoutSeparators(s), String.join("", words).replace('\u2019', '\''), s);
  }

  @Test
  void randomStrings() {
    long seed = Long.getLong("x2s.seed", 4242L); // replay or explore: -Dx2s.seed=N
    System.out.println("WordTokenizerPropertyTest seed " + seed);
    Random r = new Random(seed);
    String alphabet = "aZé9_-'’.,:/&@()\"!?$% \t\u00A0\u200B\u2013\u0301東";
    String[] pieces = {"http://", "www.", "U.S", "Mr", "e.g", "\uD83D\uDE00", "..."};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(25);
      for (int k = 0; k < n; k++) {
        if (r.nextInt(10) == 0) {
          sb.append(pieces[r.nextInt(pieces.length)]);
        } else {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      check(sb.toString());
    }
  }

  @Test
  void realCorpusHead() throws IOException {
    try (SentenceStream s = SentenceStream.open(SharedData.corpus(), SentenceSplitter.Kind.NONE)) {
      CorpusReader r = s.reader();
      for (int i = 0; i < 20_000 && r.hasNext(); i++) {
        check(r.next().text());
      }
    }
  }
}
