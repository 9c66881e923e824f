package dev.x2s.teachers.extract;

import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.CorpusFormat;
import dev.x2s.corpus.CorpusReader;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.jobs.Progress;
import dev.x2s.teachers.testing.FakeTeacher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The real corpus head through the whole pipeline with the fake teacher. */
class ExtractCorpusHeadTest {
  @Test
  void firstSentencesOfTheCorpusArriveInOrder() throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Progress progress = Progress.builder("extract").total(3000).unit("sentences").secondUnit("words")
        .tty(false).out(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
    long[] expectedId = {0};
    long[] words = {0};
    try (SentenceStream s = new SentenceStream(
        CorpusReader.open(SharedData.corpus(), CorpusFormat.AUTO), SentenceSplitter.Kind.RULES.create(), SentenceLimit.of(3000))) {
      FakeTeacher t = new FakeTeacher();
      ExtractionOptions o = ExtractionOptions.defaults(FakeTeacher.LAYERS - 1).withBatch(16, 512);
      ExtractionStats st = new ContextExtractor(t, o).run(s, (sentence, ws) -> {
        assertEquals(expectedId[0]++, sentence.id());
        assertEquals(FakeTeacher.value(sentence.words().get(0), 0, FakeTeacher.LAYERS - 1, 2),
            ws.get(FakeTeacher.LAYERS - 1, 0, 2));
        words[0] += sentence.size();
      }, progress);
      progress.close();
      assertEquals(3000, expectedId[0]);
      assertEquals(s.stats().words(), words[0]);
      assertEquals(words[0], st.words());
      assertTrue(st.maxHeldSentences() <= 16 * 32);
      assertTrue(st.paddingEfficiency() > 0.9, "padding efficiency " + st.paddingEfficiency());
    }
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("extract: done, 3,000 sentences, " + String.format(java.util.Locale.ROOT, "%,d", words[0]) + " words in "),
        printed);
  }
}
