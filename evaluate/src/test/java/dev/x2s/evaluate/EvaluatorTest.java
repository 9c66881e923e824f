package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.EvaluationOptions;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every standard benchmark through the facade, on small random vectors. */
class EvaluatorTest {
  private static final long SEED = 3;

  /** Random 10-d vectors for the given words plus a few fillers; seed printed. */
  private static WordVectors vectors(List<String> words) {
    System.out.println("EvaluatorTest seed " + SEED);
    Random r = new Random(SEED);
    Set<String> all = new LinkedHashSet<>(words);
    for (int i = 0; i < 20; i++) {
      all.add("filler" + i);
    }
    String[] w = all.toArray(new String[0]);
    float[] m = new float[w.length * 10];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    return new WordVectors(w, m, 10);
  }

  /*
   * Vocabulary: the first 12 SimLex-999 pairs' words (read here with a plain split, not the
   * loader) + "Athens", "greece", "Baghdad", "iraq" + BLESS's "carp", "catfish", "cod".
   * Under skip, SimLex coverage must be exactly the pairs with both words in the vocabulary.
   */
  @Test
  void allStandardBenchmarksSkipAndMeanfill() throws IOException {
    List<String> lines =
        Files.readAllLines(SharedData.benchmarks().resolve("similarity/SimLex-999.txt"));
    List<String> words = new ArrayList<>();
    for (String line : lines.subList(1, 13)) {
      String[] f = line.split("\t");
      words.add(f[0]);
      words.add(f[1]);
    }
    int expectedPairs = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (words.contains(f[0].toLowerCase(Locale.ROOT))
          && words.contains(f[1].toLowerCase(Locale.ROOT))) {
        expectedPairs++;
      }
    }
    words.addAll(List.of("Athens", "greece", "Baghdad", "iraq", "carp", "catfish", "cod"));
    WordVectors v = vectors(words);
    StandardBenchmarks catalogue = StandardBenchmarks.under(SharedData.benchmarks());
    List<Benchmark> benchmarks = catalogue.load(StandardBenchmarks.ids());

    VectorResults skip = new Evaluator(EvaluationOptions.defaults())
        .evaluate("random", v, benchmarks);
    BenchmarkScore simlex = skip.score("simlex999/spearman");
    assertEquals(new Coverage(expectedPairs, 999, "pairs"), simlex.coverage());
    assertTrue(expectedPairs >= 12);
    // Google questions made only of Athens, Greece, Baghdad, Iraq: 3, found with
    // grep -iE '^(Athens|Baghdad) (Greece|Iraq) (Athens|Baghdad) (Greece|Iraq)$' (the first pair
    // in capital-common-countries and capital-world, the reverse in capital-world).
    assertEquals(new Coverage(3, 19544, "questions"), skip.score("google/3cosadd").coverage());
    assertEquals(new Coverage(3, 200, "words"), skip.score("bless/purity").coverage());
    assertEquals(18, skip.scores().size(), "6 similarity + 6 google + 2 msr + 2 purity + 2 semeval");

    VectorResults fill = new Evaluator(EvaluationOptions.defaults().withProtocol(Protocol.MEANFILL))
        .evaluate("random", v, benchmarks);
    assertEquals("words", fill.score("simlex999/spearman").coverage().unit());
    assertEquals(1998, fill.score("simlex999/spearman").coverage().total());
    assertEquals(19544 * 4, fill.score("google/3cosmul").coverage().total());
    assertTrue(Double.isFinite(fill.score("ap/purity").score()));

    String md = new EvaluationReport(EvaluationOptions.defaults(), List.of(skip, fill)).toMarkdown();
    assertTrue(md.startsWith("| vectors | simlex999/spearman | men/spearman |"), md);
  }
}
