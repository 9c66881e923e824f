package dev.x2s.evaluate.analogy;

import dev.x2s.testkit.SharedData;
import dev.x2s.testkit.Tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.EvaluationContext;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.AnalogyLoader;
import dev.x2s.evaluate.data.AnalogyQuestion;
import dev.x2s.evaluate.data.CategorizationLoader;
import dev.x2s.evaluate.data.CategorizedWord;
import dev.x2s.evaluate.data.RatedPair;
import dev.x2s.evaluate.data.RelationCategory;
import dev.x2s.evaluate.data.SemEvalLoader;
import dev.x2s.evaluate.data.SimilarityLoader;
import dev.x2s.evaluate.data.WordPair;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The speed target, on a 341,479 × 100 matrix (GloVe 6B's shape) of random Gaussian values with
 * every benchmark word at a random row among the first 300,000. CPU-heavy, so slow:
 * {@code mvn -o verify -pl evaluate -am -Dgroups=slow}.
 */
@Tag(Tags.SLOW)
class AnalogySpeedTest {
  private static final long SEED = 20260124L;
  private static final Path DATA = SharedData.benchmarks();

  @Test
  void googleAndMsr() throws Exception {
    AnalogyDataset google =
        AnalogyLoader.questionsWords(DATA.resolve("analogy/google-questions-words.txt"));
    AnalogyDataset msr = AnalogyLoader.msr(DATA.resolve("analogy/msr.csv"));
    WordVectors vectors = gloveSized(analogyWords(List.of(google, msr)));
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    EvaluationOptions options = EvaluationOptions.defaults();
    EvaluationContext context = new EvaluationContext(new VectorSpace(vectors), options);
    AnalogySolver solver = context.analogySolver();
    long t1 = System.nanoTime();
    System.out.printf("threads %d, cache %d rows: normalise + tile %.1f s%n",
        options.threads(), solver.cacheRows(), (t1 - t0) / 1e9);
    for (AnalogyDataset d : List.of(google, msr)) {
      long s0 = System.nanoTime();
      int[][] terms = new int[d.size()][];
      for (int i = 0; i < d.size(); i++) {
        AnalogyQuestion q = d.questions().get(i);
        VectorSpace space = context.space();
        terms[i] = new int[] {space.row(q.a(), 300_000), space.row(q.b(), 300_000),
            space.row(q.c(), 300_000)};
      }
      AnalogySolver.Predictions p = solver.solve(terms);
      long s1 = System.nanoTime();
      System.out.printf("%s: %d questions, %d groups, %d rows computed (%.1f s), answering %.1f s,"
          + " total %.1f s%n", d.source(), d.size(), p.groups(), p.rowsComputed(),
          p.rowNanos() / 1e9, p.answerNanos() / 1e9, (s1 - s0) / 1e9);
      for (int x : p.cosAdd()) {
        assertTrue(x >= 0);
      }
    }
    System.out.printf("google + msr including normalisation: %.1f s wall, process CPU %.1f s%n",
        (System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9);
  }

  /** All eleven standard benchmarks through the facade (benchmark loading included). */
  @Test
  void allBenchmarks() throws Exception {
    long t0 = System.nanoTime();
    long cpu0 = cpu();
    StandardBenchmarks catalogue = StandardBenchmarks.under(DATA);
    List<Benchmark> benchmarks = catalogue.load(StandardBenchmarks.ids());
    long t1 = System.nanoTime();
    Set<String> words = new LinkedHashSet<>(analogyWords(List.of(
        AnalogyLoader.questionsWords(DATA.resolve("analogy/google-questions-words.txt")),
        AnalogyLoader.msr(DATA.resolve("analogy/msr.csv")))));
    for (String id : List.of("simlex999", "men", "ws353", "rw")) {
      for (RatedPair p : SimilarityLoader.load(catalogue.path(id)).pairs()) {
        words.add(p.first());
        words.add(p.second());
      }
    }
    for (String id : List.of("bless", "ap")) {
      for (CategorizedWord w : CategorizationLoader.load(catalogue.path(id)).words()) {
        words.add(w.word());
      }
    }
    for (RelationCategory c : SemEvalLoader.load(catalogue.path("semeval2012")).categories()) {
      for (WordPair p : c.prototypes()) {
        words.add(p.first());
        words.add(p.second());
      }
      for (RatedPair p : c.gold()) {
        words.add(p.first());
        words.add(p.second());
      }
    }
    WordVectors vectors = gloveSized(new ArrayList<>(words));
    long t2 = System.nanoTime();
    long cpu2 = cpu();
    EvaluationContext context =
        new EvaluationContext(new VectorSpace(vectors), EvaluationOptions.defaults());
    List<BenchmarkScore> scores = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      long s = System.nanoTime();
      scores.addAll(b.evaluate(context));
      System.out.printf("%-12s %.1f s%n", b.id(), (System.nanoTime() - s) / 1e9);
    }
    long t3 = System.nanoTime();
    System.out.printf("benchmarks loaded in %.2f s; evaluation %.1f s wall, %.1f s process CPU%n",
        (t1 - t0) / 1e9, (t3 - t2) / 1e9, (cpu() - cpu2) / 1e9);
    scores.forEach(System.out::println);
    assertEquals(18, scores.size());
  }

  private static List<String> analogyWords(List<AnalogyDataset> sets) {
    Set<String> words = new LinkedHashSet<>();
    for (AnalogyDataset d : sets) {
      for (AnalogyQuestion q : d.questions()) {
        words.addAll(List.of(q.a(), q.b(), q.c(), q.d()));
      }
    }
    return new ArrayList<>(words);
  }

  /** 341,479 × 100 random Gaussian rows; {@code words} at random rows below 300,000. */
  private static WordVectors gloveSized(List<String> words) {
    int n = 341_479;
    int dim = 100;
    System.out.println("seed " + SEED + ", " + words.size() + " distinct benchmark words");
    Random random = new Random(SEED);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      rows.add(i);
    }
    Collections.shuffle(rows, random);
    String[] vocab = new String[n];
    int w = 0;
    for (String word : words) {
      vocab[rows.get(w++)] = word;
    }
    for (int i = 0; i < n; i++) {
      if (vocab[i] == null) {
        vocab[i] = "filler" + i;
      }
    }
    float[] m = new float[n * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    return new WordVectors(vocab, m, dim);
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
