package dev.x2s.evaluate.categorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.TestVectors;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.CategorizationDataset;
import dev.x2s.evaluate.data.CategorizedWord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategorizationScorerTest {
  /*
   * Animals point near 0°, tools near 90°: every method separates them, so purity is 1 and the
   * first method, ward-euclidean, is reported. "zzz" (a tool) is missing.
   * skip: 4 of 5 words are clustered, coverage 4/5 words.
   * meanfill: zzz takes the unit mean of the raw vectors (1,0.1), (1,−0.1), (0.2,2), (−0.2,2):
   *   mean (0.5, 1.0), at 63.4°, i.e. 21° from saw (84.3°) and drill (95.7°) but 57.7° from cat
   *   (5.7°) and 69.1° from dog (−5.7°), so it joins the tools: purity 1. Coverage 4/5 words found.
   */
  private static final VectorSpace SPACE =
      new VectorSpace(
          TestVectors.of(2, "cat", 1, 0.1, "dog", 1, -0.1, "saw", 0.2, 2, "drill", -0.2, 2));

  private static final CategorizationDataset DATA =
      new CategorizationDataset(
          "toy",
          List.of(
              new CategorizedWord("cat", "animal"),
              new CategorizedWord("dog", "animal"),
              new CategorizedWord("saw", "tool"),
              new CategorizedWord("drill", "tool"),
              new CategorizedWord("zzz", "tool")));

  @Test
  void skip() {
    BenchmarkScore s = CategorizationScorer.score("toy", DATA, SPACE, Protocol.SKIP);
    assertEquals(1.0, s.score());
    assertEquals("ward-euclidean", s.detail());
    assertEquals(new Coverage(4, 5, "words"), s.coverage());
  }

  @Test
  void meanfill() {
    BenchmarkScore s = CategorizationScorer.score("toy", DATA, SPACE, Protocol.MEANFILL);
    assertEquals(new Coverage(4, 5, "words"), s.coverage());
    assertEquals(1.0, s.score());
    assertEquals("ward-euclidean", s.detail());
  }

  /*
   * Points 0, 1, 3, 6.5, 10 on a line, classes A A B B B, K = 2. Both first merge {0,1} at 1.
   * complete: d({0,1},3) = 3 < d(3,6.5) = d(6.5,10) = 3.5 → {0,1,3}; then {6.5,10} at 3.5.
   * ward: d({0,1},3) = √((2·3² + 2·2² − 1²)/3) = √(25/3) = 2.887 < 3.5 → {0,1,3}; then {6.5,10}.
   * Either way {0,1,3} | {6.5,10}: purity (2 + 2)/5 = 0.8.
   */
  @Test
  void reportsEveryMethodInOrder() {
    float[][] x = {{0}, {1}, {3}, {6.5f}, {10}};
    Map<String, Double> p = CategorizationScorer.purities(x, new int[] {0, 0, 1, 1, 1}, 2);
    assertEquals(CategorizationScorer.METHODS, List.copyOf(p.keySet()));
    assertEquals(0.8, p.get("ward-euclidean"), 1e-12);
    assertEquals(0.8, p.get("complete-euclidean"), 1e-12);
  }
}
