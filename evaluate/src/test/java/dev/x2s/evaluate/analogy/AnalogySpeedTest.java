package dev.x2s.evaluate.analogy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.evaluate.EvaluationContext;
import dev.x2s.evaluate.EvaluationOptions;
import dev.x2s.evaluate.SharedData;
import dev.x2s.evaluate.VectorSpace;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.AnalogyLoader;
import dev.x2s.evaluate.data.AnalogyQuestion;
import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speed target: Google + MSR over the first 300,000 rows of a 341,479 × 100 matrix (GloVe 6B's
 * shape), random Gaussian values, the benchmark words at random rows. CPU-heavy, so opt-in:
 * {@code mvn -o test -pl evaluate -am -Dtest=AnalogySpeedTest -Dx2s.speed=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "x2s.speed", matches = "true")
class AnalogySpeedTest {
  private static final long SEED = 20260124L;

  @Test
  void googleAndMsrOnGloveSizedMatrix() throws Exception {
    AnalogyDataset google =
        AnalogyLoader.questionsWords(
            SharedData.benchmarks().resolve("analogy/google-questions-words.txt"));
    AnalogyDataset msr = AnalogyLoader.msr(SharedData.benchmarks().resolve("analogy/msr.csv"));
    Set<String> words = new LinkedHashSet<>();
    for (AnalogyDataset d : List.of(google, msr)) {
      for (AnalogyQuestion q : d.questions()) {
        words.addAll(List.of(q.a(), q.b(), q.c(), q.d()));
      }
    }
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
    WordVectors vectors = new WordVectors(vocab, m, dim);

    long cpu0 = cpu();
    long t0 = System.nanoTime();
    EvaluationOptions options = EvaluationOptions.defaults();
    EvaluationContext context = new EvaluationContext(new VectorSpace(vectors), options);
    AnalogySolver solver = context.analogySolver();
    long t1 = System.nanoTime();
    System.out.printf("threads %d, cache %d rows: normalise + tile %.1f s%n",
        options.threads(), solver.cacheRows(), (t1 - t0) / 1e9);
    long total = t1 - t0;
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
      System.out.printf("process CPU so far %.1f s%n", (cpu() - cpu0) / 1e9);
      total += s1 - s0;
      System.out.printf("%s: %d questions, %d groups, %d rows computed (%.1f s), answering %.1f s,"
          + " total %.1f s%n", d.source(), d.size(), p.groups(), p.rowsComputed(),
          p.rowNanos() / 1e9, p.answerNanos() / 1e9, (s1 - s0) / 1e9);
      for (int x : p.cosAdd()) {
        assertTrue(x >= 0);
      }
    }
    System.out.printf("google + msr including normalisation: %.1f s wall, process CPU %.1f s%n",
        total / 1e9, (cpu() - cpu0) / 1e9);
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
