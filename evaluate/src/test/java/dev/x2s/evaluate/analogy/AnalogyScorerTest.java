package dev.x2s.evaluate.analogy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.EvaluationContext;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.TestVectors;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.AnalogyQuestion;
import dev.x2s.vectors.WordVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * Vectors: unit vectors in the plane at a 0°, b 90°, c 30°, x1 120°, x2 200°, x3 170° (see
 * AnalogySolverTest: a : b :: c : ? gives x1 by 3CosAdd and x3 by 3CosMul).
 * Questions (sections "sem" = first, semantic; "syn"):
 *   Q1 sem  a b c x1    found 4/4   add ✓ (x1), mul ✗ (x3)
 *   Q2 sem  a b c zzz   found 3/4   d missing
 *   Q3 syn  a b qqq x1  found 3/4   c missing
 *   Q4 syn  A B C X3    found 4/4 via lower-case; add ✗ (x1), mul ✓ (x3)
 * skip: Q1 and Q4 count. 3CosAdd 1/2 (sem 1/1, syn 0/1); 3CosMul 1/2 (sem 0/1, syn 1/1).
 * meanfill: all 4 count; Q2 is wrong (answer missing). Q3's c is the unit mean of the six raw
 * vectors: mean = (−0.0931, 0.3663), at 104.258°. Then a : b :: mean : ? (a, b excluded):
 *   3CosAdd  c −0.0947, x1 2.3285, x2 0.4976, x3 1.5693 → x1 ✓
 *   3CosMul  c 0.5104,  x1 3.6475, x2 4.7519, x3 48.1567 → x3 ✗
 * (values: cos/s arithmetic by hand, checked with plain Python math). So 3CosAdd: Q1 ✓ Q2 ✗ Q3 ✓
 * Q4 ✗ = 2/4 (sem 1/2, syn 1/2); 3CosMul: Q4 only = 1/4 (sem 0/2, syn 1/2). Words found 14/16
 * (sem 7/8, syn 7/8).
 */
class AnalogyScorerTest {
  private static WordVectors vectors() {
    Object[] flat = new Object[18];
    String[] words = {"a", "b", "c", "x1", "x2", "x3"};
    double[] deg = {0, 90, 30, 120, 200, 170};
    for (int i = 0; i < 6; i++) {
      flat[3 * i] = words[i];
      flat[3 * i + 1] = Math.cos(Math.toRadians(deg[i]));
      flat[3 * i + 2] = Math.sin(Math.toRadians(deg[i]));
    }
    return TestVectors.of(2, flat);
  }

  private static final AnalogyDataset DATA =
      new AnalogyDataset(
          "toy",
          List.of("sem", "syn"),
          List.of(
              new AnalogyQuestion("a", "b", "c", "x1", 0),
              new AnalogyQuestion("a", "b", "c", "zzz", 0),
              new AnalogyQuestion("a", "b", "qqq", "x1", 1),
              new AnalogyQuestion("A", "B", "C", "X3", 1)));

  private static List<BenchmarkScore> run(Protocol protocol) {
    EvaluationOptions o = EvaluationOptions.defaults().withProtocol(protocol).withThreads(2);
    EvaluationContext c = new EvaluationContext(new VectorSpace(vectors()), o);
    return AnalogyScorer.score("toy", DATA, c.space(), protocol, c.analogySolver(), 1);
  }

  private static void check(BenchmarkScore s, String metric, double score, Coverage coverage) {
    assertEquals(metric, s.metric());
    assertEquals(score, s.score(), 1e-12, metric);
    assertEquals(coverage, s.coverage(), metric);
  }

  @Test
  void skipCountsOnlyFullyFoundQuestions() {
    List<BenchmarkScore> s = run(Protocol.SKIP);
    assertEquals(6, s.size());
    check(s.get(0), "3cosadd", 0.5, new Coverage(2, 4, "questions"));
    check(s.get(1), "3cosadd-semantic", 1.0, new Coverage(1, 2, "questions"));
    check(s.get(2), "3cosadd-syntactic", 0.0, new Coverage(1, 2, "questions"));
    check(s.get(3), "3cosmul", 0.5, new Coverage(2, 4, "questions"));
    check(s.get(4), "3cosmul-semantic", 0.0, new Coverage(1, 2, "questions"));
    check(s.get(5), "3cosmul-syntactic", 1.0, new Coverage(1, 2, "questions"));
  }

  @Test
  void meanfillCountsEveryQuestionAndMissingAnswersAreWrong() {
    List<BenchmarkScore> s = run(Protocol.MEANFILL);
    check(s.get(0), "3cosadd", 0.5, new Coverage(14, 16, "words"));
    check(s.get(1), "3cosadd-semantic", 0.5, new Coverage(7, 8, "words"));
    check(s.get(2), "3cosadd-syntactic", 0.5, new Coverage(7, 8, "words"));
    check(s.get(3), "3cosmul", 0.25, new Coverage(14, 16, "words"));
    check(s.get(4), "3cosmul-semantic", 0.0, new Coverage(7, 8, "words"));
    check(s.get(5), "3cosmul-syntactic", 0.5, new Coverage(7, 8, "words"));
  }

  /* With N = 3 only a, b, c are in the search space: x1 and x3 are "not found" there. */
  @Test
  void wordsBeyondTheSearchSpaceAreNotFound() {
    EvaluationOptions o = EvaluationOptions.defaults().withAnalogyLimit(3);
    EvaluationContext c = new EvaluationContext(new VectorSpace(vectors()), o);
    List<BenchmarkScore> s =
        AnalogyScorer.score("toy", DATA, c.space(), Protocol.SKIP, c.analogySolver(), 0);
    assertEquals(2, s.size());
    assertEquals(new Coverage(0, 4, "questions"), s.get(0).coverage());
    assertEquals(Double.NaN, s.get(0).score());
  }
}
