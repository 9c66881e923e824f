package dev.x2s.corpus;

import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.testkit.SharedData;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceStreamTest {
  static SentenceStream stream(String text, SentenceSplitter.Kind kind, long limit) throws IOException {
    return stream(text, kind, limit, Casing.KEEP);
  }

  static SentenceStream stream(String text, SentenceSplitter.Kind kind, long limit, Casing casing)
      throws IOException {
    CorpusReader r = CorpusReader.open(new ByteArrayInputStream(text.getBytes(UTF_8)), "s.txt",
        CorpusFormat.AUTO, new CorpusStats(), CorpusReader.DEFAULT_MAX_LINE_BYTES);
    return new SentenceStream(r, kind.create(), SentenceLimit.of(limit), casing);
  }

  static List<List<String>> words(SentenceStream s) {
    return s.stream().map(Sentence::words).toList();
  }

  @Test
  void splitsTokenizesAndNumbersInOrder() throws IOException {
    try (SentenceStream s = stream(CorpusReaderTest.WIKI, SentenceSplitter.Kind.RULES, Long.MAX_VALUE)) {
      List<Sentence> all = s.stream().toList();
      assertEquals(List.of(0L, 1L, 2L, 3L), all.stream().map(Sentence::id).toList());
      assertEquals(List.of("Anarchism", "is", "a", "political", "philosophy", "."), all.get(0).words());
      assertEquals(List.of("It", "advocates", "stateless", "societies", "."), all.get(1).words());
      assertEquals(List.of("Etymology", "and", "terminology", "."), all.get(2).words());
      assertEquals(List.of("Batman", "&", "Robin", "is", "a", "1997", "film", "."), all.get(3).words());
      assertEquals(4, s.stats().sentences());
      assertEquals(6 + 5 + 4 + 8, s.stats().words());
      assertEquals(3, s.stats().paragraphs());
      assertThrows(UnsupportedOperationException.class, () -> all.get(0).words().add("x"));
    }
  }

  @Test
  void noSplittingAndLimit() throws IOException {
    try (SentenceStream s = stream("One. Two.\n\nThree four\n...\nFive\n", SentenceSplitter.Kind.NONE, 3)) {
      List<Sentence> all = s.stream().toList();
      assertEquals(3, all.size());
      assertEquals(List.of("One", ".", "Two", "."), all.get(0).words());
      assertEquals(List.of("..."), all.get(2).words());
    }
  }

  @Test
  void sentencesWithoutWordsAreSkipped() throws IOException {
    // the second line is only a zero-width space and a BOM-like format character: no words
    try (SentenceStream s = stream("a b\n\u200B\uFEFF\nc\n", SentenceSplitter.Kind.NONE, Long.MAX_VALUE)) {
      List<Sentence> all = s.stream().toList();
      assertEquals(2, all.size());
      assertEquals(1, all.get(1).id());
      assertEquals(3, s.stats().paragraphs());
      assertEquals(2, s.stats().sentences());
    }
  }

  /** The opening sentence of the shared corpus, tokenized by hand from the README rules. */
  @Test
  void realCorpusFirstSentence() throws IOException {
    try (SentenceStream s = SentenceStream.open(SharedData.corpus(), SentenceSplitter.Kind.RULES)) {
      Sentence first = s.next();
      assertEquals(Arrays.asList(("Anarchism is a political philosophy that advocates stateless societies often"
          + " defined as self-governed voluntary institutions , but that several authors have defined as more"
          + " specific institutions based on non-hierarchical free associations .").split(" ")), first.words());
      assertEquals(List.of("Anarchism", "holds", "the", "state", "to", "be", "undesirable", ",", "unnecessary", ",",
          "or", "harmful", "."), s.next().words());
    }
  }

  @Test
  void aLimitOfZeroMeansAll() throws IOException {
    for (long limit : new long[] {0, Long.MAX_VALUE}) {
      try (SentenceStream s = stream("One. Two. Three.\nFour.\n", SentenceSplitter.Kind.RULES, limit)) {
        assertEquals(4, s.stream().count(), "limit " + limit);
      }
    }
  }

  @Test
  void theTwoLowerCasingsDifferWhereTheTokenizerReadsCase() throws IOException {
    String text = "AT&T hired J. Smith.\n";
    try (SentenceStream s = stream(text, SentenceSplitter.Kind.NONE, 0, Casing.KEEP)) {
      assertEquals(List.of(List.of("AT&T", "hired", "J.", "Smith", ".")), words(s));
    }
    try (SentenceStream s = stream(text, SentenceSplitter.Kind.NONE, 0, Casing.LOWER_WORDS)) {
      assertEquals(List.of(List.of("at&t", "hired", "j.", "smith", ".")), words(s));
    }
    try (SentenceStream s = stream(text, SentenceSplitter.Kind.NONE, 0, Casing.LOWER_TEXT)) {
      assertEquals(List.of(List.of("at", "&", "t", "hired", "j", ".", "smith", ".")), words(s));
    }
  }

  @Test
  void paragraphsGroupTheirSentencesAndTheLimitCutsTheLastOne() throws IOException {
    // paragraph 2 has no words at all and is skipped; the limit of 4 falls inside paragraph 3
    String text = "One. Two.\n\u200B\nThree. Four. Five.\nSix.\n";
    try (SentenceStream s = stream(text, SentenceSplitter.Kind.RULES, 4)) {
      List<Sentence> p = s.nextParagraph();
      assertEquals(List.of(0L, 1L), p.stream().map(Sentence::id).toList());
      assertEquals(List.of("Two", "."), p.get(1).words());
      p = s.nextParagraph();
      assertEquals(List.of(2L, 3L), p.stream().map(Sentence::id).toList());
      assertEquals(List.of("Four", "."), p.get(1).words());
      assertEquals(List.of(), s.nextParagraph());
      assertEquals(false, s.hasNext());
    }
    // the same sentences as reading one by one
    try (SentenceStream a = stream(text, SentenceSplitter.Kind.RULES, 0);
        SentenceStream b = stream(text, SentenceSplitter.Kind.RULES, 0)) {
      List<Sentence> grouped = new java.util.ArrayList<>();
      for (List<Sentence> p; !(p = a.nextParagraph()).isEmpty(); ) {
        grouped.addAll(p);
      }
      assertEquals(b.stream().toList(), grouped);
      assertEquals(b.stats().sentences(), a.stats().sentences());
      assertEquals(b.stats().paragraphs(), a.stats().paragraphs());
    }
  }

  @Test
  void paragraphsCannotBeReadFromTheMiddleOfOne() throws IOException {
    try (SentenceStream s = stream("One. Two.\n", SentenceSplitter.Kind.RULES, 0)) {
      s.next();
      assertThrows(IllegalStateException.class, s::nextParagraph);
    }
  }
}
