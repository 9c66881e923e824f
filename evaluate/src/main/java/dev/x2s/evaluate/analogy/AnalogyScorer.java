package dev.x2s.evaluate.analogy;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.AnalogyQuestion;
import java.util.ArrayList;
import java.util.List;

/**
 * Analogy accuracy with 3CosAdd and 3CosMul (docs/PROTOCOLS.md). Words are looked up within the
 * search space (the solver's first N rows). Under {@code skip} a question counts only if a, b, c and
 * d are all found there; under {@code meanfill} every question counts, missing a/b/c are the unit
 * mean vector, and a question whose answer is missing is wrong.
 */
public final class AnalogyScorer {
  public static final String COS_ADD = "3cosadd";
  public static final String COS_MUL = "3cosmul";

  private AnalogyScorer() {}

  /**
   * @param semanticSections when positive, also report {@code -semantic} (the first this many
   *     sections) and {@code -syntactic} (the rest) accuracies: 5 for Google
   * @param solver built over {@code space.unit()}, with the unit mean as its extra vector when the
   *     protocol is {@code meanfill}
   */
  public static List<BenchmarkScore> score(
      String benchmark,
      AnalogyDataset data,
      VectorSpace space,
      Protocol protocol,
      AnalogySolver solver,
      int semanticSections) {
    int q = data.size();
    int n = solver.size();
    int[][] terms = new int[q][];
    boolean[] counted = new boolean[q];
    int[] answer = new int[q];
    int[] found = new int[q];
    for (int i = 0; i < q; i++) {
      AnalogyQuestion x = data.questions().get(i);
      int a = space.row(x.a(), n);
      int b = space.row(x.b(), n);
      int c = space.row(x.c(), n);
      int d = space.row(x.d(), n);
      answer[i] = d;
      found[i] = (a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0) + (c >= 0 ? 1 : 0) + (d >= 0 ? 1 : 0);
      if (protocol == Protocol.SKIP) {
        counted[i] = found[i] == 4;
        terms[i] = counted[i] ? new int[] {a, b, c} : null;
      } else {
        counted[i] = true;
        terms[i] = d < 0 ? null : new int[] {extra(a), extra(b), extra(c)};
      }
    }
    AnalogySolver.Predictions p = solver.solve(terms);
    List<BenchmarkScore> out = new ArrayList<>();
    String[] metrics = {COS_ADD, COS_MUL};
    int[][] predictions = {p.cosAdd(), p.cosMul()};
    for (int m = 0; m < 2; m++) {
      out.add(accuracy(benchmark, metrics[m], data, protocol, counted, found, answer,
          predictions[m], 0, Integer.MAX_VALUE));
      if (semanticSections > 0) {
        out.add(accuracy(benchmark, metrics[m] + "-semantic", data, protocol, counted, found,
            answer, predictions[m], 0, semanticSections));
        out.add(accuracy(benchmark, metrics[m] + "-syntactic", data, protocol, counted, found,
            answer, predictions[m], semanticSections, Integer.MAX_VALUE));
      }
    }
    return out;
  }

  private static int extra(int row) {
    return row >= 0 ? row : AnalogySolver.EXTRA;
  }

  private static BenchmarkScore accuracy(
      String benchmark,
      String metric,
      AnalogyDataset data,
      Protocol protocol,
      boolean[] counted,
      int[] found,
      int[] answer,
      int[] predicted,
      int fromSection,
      int toSection) {
    int total = 0;
    int kept = 0;
    int correct = 0;
    int words = 0;
    for (int i = 0; i < answer.length; i++) {
      int s = data.questions().get(i).section();
      if (s < fromSection || s >= toSection) {
        continue;
      }
      total++;
      words += found[i];
      if (!counted[i]) {
        continue;
      }
      kept++;
      if (answer[i] >= 0 && predicted[i] == answer[i]) {
        correct++;
      }
    }
    Coverage coverage =
        protocol == Protocol.SKIP
            ? new Coverage(kept, total, "questions")
            : new Coverage(words, 4 * total, "words");
    double score = kept == 0 ? Double.NaN : (double) correct / kept;
    return new BenchmarkScore(benchmark, metric, score, coverage);
  }
}
