package dev.x2s.corpus;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-labelled cases ('|' marks the expected sentence boundaries). Several are from the shared corpus
 * (Anarchism, Apollo articles); the rest exercise one rule each.
 */
class SentenceSplitterTest {
  static final String[][] CASES = {
      {"Mr. Smith went to Washington. He arrived on Monday.",
          "Mr. Smith went to Washington.|He arrived on Monday."},
      {"Dr. J. R. R. Tolkien wrote it. St. Paul agreed.", "Dr. J. R. R. Tolkien wrote it.|St. Paul agreed."},
      {"It costs 3.14 dollars. That is 1.5 more.", "It costs 3.14 dollars.|That is 1.5 more."},
      {"He lives in the U.S. and works there.", "He lives in the U.S. and works there."},
      {"See e.g. the list. Then i.e. Another one.", "See e.g. the list.|Then i.e. Another one."},
      {"Apples, pears, etc. are fruit.", "Apples, pears, etc. are fruit."},
      {"Zhuangzi wrote, \"A petty thief is put in jail. A great brigand becomes a ruler of a Nation.\" Diogenes"
          + " of Sinope agreed.",
          "Zhuangzi wrote, \"A petty thief is put in jail.|A great brigand becomes a ruler of a Nation.\"|Diogenes"
          + " of Sinope agreed."},
      {"He said \"Stop.\" Then he left.", "He said \"Stop.\"|Then he left."},
      {"\"Who?\" he asked. Nobody knew!", "\"Who?\" he asked.|Nobody knew!"},
      {"Really?! Yes. (It was.) Fine.", "Really?!|Yes.|(It was.)|Fine."},
      {"It ended in 1871. 1872 was calm.", "It ended in 1871.|1872 was calm."},
      {"See No. 5 and pp. 12-14. Done.", "See No. 5 and pp. 12-14.|Done."},
      {"He said no. No one agreed.", "He said no.|No one agreed."},
      {"Wait... Then it came.", "Wait...|Then it came."},
      {"the end. lower case start stays", "the end. lower case start stays"},
      {"Smith et al. (2003) showed it.", "Smith et al. (2003) showed it."},
      {"He joined Apple Inc. The firm grew.", "He joined Apple Inc.|The firm grew."},
      {"Visit example.com. It works.", "Visit example.com.|It works."},
      {"The film was released on Jan. 12, 1997. It flopped.",
          "The film was released on Jan. 12, 1997.|It flopped."},
      {"Its Greek name is ἀναρχία. Étienne wrote.", "Its Greek name is ἀναρχία.|Étienne wrote."},
      {"No terminator at all", "No terminator at all"},
  };

  static List<String> expected(String marked) {
    return Arrays.asList(marked.split("\\|"));
  }

  @Test
  void rulesPassEveryLabelledCase() {
    SentenceSplitter s = new RuleSentenceSplitter();
    for (String[] c : CASES) {
      assertEquals(expected(c[1]), s.split(c[0]), c[0]);
    }
  }

  /**
   * The JDK splitter breaks after titles and initials; documented here because it is why the rules are
   * the default (README "Corpus"). On JDK 17 it gets 16 of the 21 cases; it misses Mr., Dr./J./R./St.,
   * i.e., "Who?" he asked, and a sentence starting with a number.
   */
  @Test
  void breakIteratorBreaksAfterTitles() {
    SentenceSplitter b = new BreakIteratorSentenceSplitter();
    assertEquals(List.of("Mr.", "Smith went to Washington.", "He arrived on Monday."), b.split(CASES[0][0]));
    int right = 0;
    for (String[] c : CASES) {
      right += b.split(c[0]).equals(expected(c[1])) ? 1 : 0;
    }
    assertNotEquals(CASES.length, right);
  }

  @Test
  void noneKeepsTheLine() {
    assertEquals(List.of("one. Two."), SentenceSplitter.Kind.NONE.create().split("  one. Two.  "));
    assertEquals(List.of(), SentenceSplitter.Kind.NONE.create().split("   "));
  }

  @Test
  void kindsCreateTheirSplitters() {
    assertEquals(RuleSentenceSplitter.class, SentenceSplitter.Kind.RULES.create().getClass());
    assertEquals(BreakIteratorSentenceSplitter.class, SentenceSplitter.Kind.BREAK_ITERATOR.create().getClass());
  }

  /** Splitting only cuts: the sentences, whitespace aside, rebuild the paragraph (corpus head). */
  @Test
  void splittersLoseNoText() throws java.io.IOException {
    List<SentenceSplitter> splitters = List.of(new RuleSentenceSplitter(), new BreakIteratorSentenceSplitter());
    try (CorpusReader r = CorpusReader.open(SharedData.corpus(), CorpusFormat.AUTO)) {
      for (int i = 0; i < 5000 && r.hasNext(); i++) {
        String p = r.next().text();
        String squeezed = p.replaceAll("\\s+", "");
        for (SentenceSplitter s : splitters) {
          List<String> parts = s.split(p);
          assertEquals(squeezed, String.join("", parts).replaceAll("\\s+", ""), p);
          parts.forEach(x -> assertEquals(x.strip(), x));
        }
      }
    }
  }
}
