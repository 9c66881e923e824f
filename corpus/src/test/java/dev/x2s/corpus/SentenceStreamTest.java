package dev.x2s.corpus;

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
    CorpusReader r = CorpusReader.open(new ByteArrayInputStream(text.getBytes(UTF_8)), "s.txt",
        CorpusFormat.AUTO, new CorpusStats(), CorpusReader.DEFAULT_MAX_LINE_BYTES);
    return new SentenceStream(r, kind.create(), limit);
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
}
