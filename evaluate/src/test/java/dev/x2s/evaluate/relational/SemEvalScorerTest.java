package dev.x2s.evaluate.relational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.TestVectors;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.RatedPair;
import dev.x2s.evaluate.data.RelationCategory;
import dev.x2s.evaluate.data.RelationDataset;
import dev.x2s.evaluate.data.WordPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * Hand computation. Raw vectors big (2,0), small (0,3), large (8,6), tiny (6,8), huge (5,0),
 * little (0,1), cat (3,4), dog (0,2); unit: big (1,0), small (0,1), large (0.8,0.6),
 * tiny (0.6,0.8), huge (1,0), little (0,1), cat (0.6,0.8), dog (0,1).
 * Category 1a (dev): prototypes big:small and zzz:small (dropped: zzz missing).
 *   r = unit(big) − unit(small) = (1, −1).
 *   large:tiny  r·(0.2,−0.2) = 0.4    gold 50
 *   huge:little r·(1,−1)     = 2.0    gold 70
 *   tiny:large  r·(−0.2,0.2) = −0.4   gold −30
 *   cat:dog     r·(0.6,−0.2) = 0.8    gold 10
 *   large:qqq   dropped
 *   score ranks 2,4,1,3; gold ranks 3,4,1,2; d = −1,0,0,1; Σd² = 2; ρ = 1 − 12/60 = 0.8.
 * Category 2a (test): its only prototype has a missing word → not scored.
 * Category 3a (test): prototype big:small; gold large:tiny −50, huge:little −70, tiny:large 30:
 *   scores 0.4, 2.0, −0.4 → ranks 2,3,1; gold ranks 2,1,3; d = 0,2,−2; Σd² = 8;
 *   ρ = 1 − 48/24 = −1.
 * Category 4a (test): prototype found but only 2 scored pairs → not scored.
 * skip: test mean = −1 over 1 of 3 test categories; all = (0.8 − 1)/2 = −0.1 over 2 of 4.
 */
class SemEvalScorerTest {
  private static final VectorSpace SPACE =
      new VectorSpace(
          TestVectors.of(2, "big", 2, 0, "small", 0, 3, "large", 8, 6, "tiny", 6, 8, "huge", 5, 0,
              "little", 0, 1, "cat", 3, 4, "dog", 0, 2));

  private static final WordPair BIG_SMALL = new WordPair("big", "small");

  private static final RelationDataset DATA =
      new RelationDataset(
          "toy",
          List.of(
              new RelationCategory("1a", "dev",
                  List.of(BIG_SMALL, new WordPair("zzz", "small")),
                  List.of(new RatedPair("large", "tiny", 50), new RatedPair("huge", "little", 70),
                      new RatedPair("tiny", "large", -30), new RatedPair("cat", "dog", 10),
                      new RatedPair("large", "qqq", 0))),
              new RelationCategory("2a", "test", List.of(new WordPair("big", "zzz")),
                  List.of(new RatedPair("large", "tiny", 1), new RatedPair("huge", "little", 2),
                      new RatedPair("cat", "dog", 3))),
              new RelationCategory("3a", "test", List.of(BIG_SMALL),
                  List.of(new RatedPair("large", "tiny", -50),
                      new RatedPair("huge", "little", -70), new RatedPair("tiny", "large", 30))),
              new RelationCategory("4a", "test", List.of(BIG_SMALL),
                  List.of(new RatedPair("large", "tiny", 1), new RatedPair("cat", "dog", 2),
                      new RatedPair("qqq", "dog", 3)))));

  @Test
  void categoryScores() {
    List<RelationCategory> c = DATA.categories();
    assertEquals(0.8, SemEvalScorer.categoryScore(c.get(0), SPACE, Protocol.SKIP), 1e-12);
    assertEquals(Double.NaN, SemEvalScorer.categoryScore(c.get(1), SPACE, Protocol.SKIP));
    assertEquals(-1.0, SemEvalScorer.categoryScore(c.get(2), SPACE, Protocol.SKIP), 1e-12);
    assertEquals(Double.NaN, SemEvalScorer.categoryScore(c.get(3), SPACE, Protocol.SKIP));
  }

  @Test
  void skipMeansAndCoverage() {
    List<BenchmarkScore> s = SemEvalScorer.score("semeval", DATA, SPACE, Protocol.SKIP);
    assertEquals("spearman-test", s.get(0).metric());
    assertEquals(-1.0, s.get(0).score(), 1e-12);
    assertEquals(new Coverage(1, 3, "categories"), s.get(0).coverage());
    assertEquals("spearman-all", s.get(1).metric());
    assertEquals(-0.1, s.get(1).score(), 1e-12);
    assertEquals(new Coverage(2, 4, "categories"), s.get(1).coverage());
  }

  /*
   * meanfill coverage counts word occurrences over prototypes and gold pairs:
   *   1a: prototypes 3/4, gold 9/10; 2a: 1/2 + 6/6; 3a: 2/2 + 6/6; 4a: 2/2 + 5/6.
   *   test: 7 + 8 + 7 = 22 of 24; all: 22 + 12 = 34 of 38.
   * 2a becomes scorable (zzz is the mean) and 4a's qqq:dog too (3 pairs).
   */
  @Test
  void meanfillCoverage() {
    List<BenchmarkScore> s = SemEvalScorer.score("semeval", DATA, SPACE, Protocol.MEANFILL);
    assertEquals(new Coverage(22, 24, "words"), s.get(0).coverage());
    assertEquals(new Coverage(34, 38, "words"), s.get(1).coverage());
    assertTrue(Double.isFinite(s.get(0).score()));
    assertTrue(Double.isFinite(
        SemEvalScorer.categoryScore(DATA.categories().get(3), SPACE, Protocol.MEANFILL)));
  }
}
