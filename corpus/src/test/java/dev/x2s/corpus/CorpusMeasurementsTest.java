package dev.x2s.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.testkit.SharedData;
import dev.x2s.testkit.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput and splitter comparison on the whole shared corpus, for the module README (slow:
 * {@code mvn -o verify -pl corpus -am -Dgroups=slow}).
 */
@Tag(Tags.SLOW)
class CorpusMeasurementsTest {

  @Test
  void measure() throws IOException {
    long t0 = System.nanoTime();
    List<String> paragraphs = new ArrayList<>();
    try (CorpusReader r = CorpusReader.open(SharedData.corpus(), CorpusFormat.AUTO)) {
      r.forEachRemaining(p -> paragraphs.add(p.text()));
      System.out.printf("read: %s in %.2f s%n", r.stats(), (System.nanoTime() - t0) / 1e9);
    }
    long chars = paragraphs.stream().mapToLong(String::length).sum();

    SentenceSplitter rules = new RuleSentenceSplitter();
    SentenceSplitter bi = new BreakIteratorSentenceSplitter();
    List<String> sentences = new ArrayList<>();
    for (int rep = 0; rep < 2; rep++) { // second round after warm-up is reported
      sentences.clear();
      long a = System.nanoTime();
      for (String p : paragraphs) {
        sentences.addAll(rules.split(p));
      }
      double ra = (System.nanoTime() - a) / 1e9;
      long b = System.nanoTime();
      long nb = 0;
      for (String p : paragraphs) {
        nb += bi.split(p).size();
      }
      double rb = (System.nanoTime() - b) / 1e9;
      System.out.printf("split: rules %,d sentences in %.2f s (%.1f M chars/s); BreakIterator %,d in %.2f s (%.1f M chars/s)%n",
          sentences.size(), ra, chars / ra / 1e6, nb, rb, chars / rb / 1e6);
    }

    // where the two differ: paragraphs and example boundaries
    int differ = 0;
    int shown = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      List<String> x = rules.split(paragraphs.get(i));
      List<String> y = bi.split(paragraphs.get(i));
      if (!x.equals(y)) {
        differ++;
        if (i % 97 == 0 && shown < 25) {
          shown++;
          System.out.println("R: " + boundaries(x));
          System.out.println("B: " + boundaries(y));
        }
      }
    }
    System.out.printf("paragraphs where rules and BreakIterator differ: %,d of %,d%n", differ, paragraphs.size());
    // shared/README.md: 337,188 lines holding 6,514 articles, each between a <doc> and a </doc> line
    int most = 337_188 - 2 * 6_514;
    assertTrue(paragraphs.size() > 0.9 * most && paragraphs.size() <= most, "paragraphs " + paragraphs.size());
    // two different methods, but they mostly agree
    assertTrue(differ < paragraphs.size() / 2, "splitters differ on " + differ);

    WordTokenizer tok = new WordTokenizer();
    List<String> out = new ArrayList<>(512);
    for (int rep = 0; rep < 3; rep++) {
      long words = 0;
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = mx.getCurrentThreadCpuTime();
      long c = System.nanoTime();
      for (String s : sentences) {
        out.clear();
        words += tok.tokenize(s, out);
      }
      double sec = (System.nanoTime() - c) / 1e9;
      double cpuSec = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf("tokenize: %,d words from %,d sentences in %.2f s wall = %.2f M words/s (%.1f M chars/s);"
          + " %.2f s CPU = %.2f M words/CPU-s%n",
          words, sentences.size(), sec, words / sec / 1e6, chars / sec / 1e6, cpuSec, words / cpuSec / 1e6);
    }

    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = mx.getCurrentThreadCpuTime();
    long e = System.nanoTime();
    try (SentenceStream ss = SentenceStream.open(SharedData.corpus(), SentenceSplitter.Kind.RULES)) {
      long[] n = {0};
      ss.forEachRemaining(s -> n[0]++);
      // the pipeline yields the split above, less sentences without a word
      assertTrue(n[0] <= sentences.size() && n[0] > 0.99 * sentences.size(), n[0] + " of " + sentences.size());
      double sec = (System.nanoTime() - e) / 1e9;
      double cpuSec = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf("pipeline gz->sentences->words: %s in %.2f s wall = %.2f M words/s; %.2f s CPU = %.2f M"
          + " words/CPU-s%n", ss.stats(), sec, ss.stats().words() / sec / 1e6, cpuSec, ss.stats().words() / cpuSec / 1e6);
    }
  }

  /** The 30 characters either side of every boundary. */
  private static String boundaries(List<String> sentences) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < sentences.size(); i++) {
      String a = sentences.get(i);
      String b = sentences.get(i + 1);
      sb.append("[…").append(a.substring(Math.max(0, a.length() - 30))).append(" ‖ ")
          .append(b, 0, Math.min(30, b.length())).append("…] ");
    }
    return sb.toString();
  }
}
