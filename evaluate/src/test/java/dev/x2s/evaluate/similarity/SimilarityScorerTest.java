package dev.x2s.evaluate.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.TestVectors;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.RatedPair;
import dev.x2s.evaluate.data.SimilarityDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * Hand computation. Vectors a (1,0), b (0,1), c (3,4), d (4,3).
 *   cos(a,b) = 0, cos(a,c) = 3/5 = 0.6, cos(a,d) = 4/5 = 0.8, cos(c,d) = 24/25 = 0.96.
 * Pairs with gold ratings: (a,b) 1, (a,c) 3, (A,d) 2 (found via lower-case), (c,d) 4, (a,zzz) 5.
 * skip: (a,zzz) dropped. Cosine ranks 1,2,3,4; gold ranks 1,3,2,4; d = 0,−1,1,0, Σd² = 2;
 *   ρ = 1 − 6·2 / (4·(16−1)) = 1 − 12/60 = 0.8. Coverage 4/5 pairs.
 * meanfill: zzz → mean of the raw vectors = (8/4, 8/4) = (2,2); cos(a, mean) = 1/√2 = 0.7071.
 *   Cosines 0, 0.6, 0.8, 0.96, 0.7071 → ranks 1,2,4,5,3; gold ranks 1,3,2,4,5;
 *   d = 0,−1,2,1,−2, Σd² = 10; ρ = 1 − 6·10 / (5·24) = 0.5. Coverage 9/10 words.
 */
class SimilarityScorerTest {
  private static final VectorSpace SPACE =
      new VectorSpace(TestVectors.of(2, "a", 1, 0, "b", 0, 1, "c", 3, 4, "d", 4, 3));

  private static final SimilarityDataset DATA =
      new SimilarityDataset(
          "toy",
          List.of(
              new RatedPair("a", "b", 1),
              new RatedPair("a", "c", 3),
              new RatedPair("A", "d", 2),
              new RatedPair("c", "d", 4),
              new RatedPair("a", "zzz", 5)));

  @Test
  void skip() {
    BenchmarkScore s = SimilarityScorer.score("toy", DATA, SPACE, Protocol.SKIP);
    assertEquals(0.8, s.score(), 1e-12);
    assertEquals(new Coverage(4, 5, "pairs"), s.coverage());
    assertEquals("toy/spearman", s.column());
  }

  @Test
  void meanfill() {
    BenchmarkScore s = SimilarityScorer.score("toy", DATA, SPACE, Protocol.MEANFILL);
    assertEquals(0.5, s.score(), 1e-12);
    assertEquals(new Coverage(9, 10, "words"), s.coverage());
  }

  /*
   * Ties take average ranks: x = 1,2,2,3 → ranks 1, 2.5, 2.5, 4; y = 1,2,3,4 → ranks 1..4.
   * Pearson of the ranks: means 2.5; deviations x −1.5,0,0,1.5 and y −1.5,−0.5,0.5,1.5;
   * Σxy = 2.25+0+0+2.25 = 4.5; Σx² = 4.5; Σy² = 5; ρ = 4.5/√(4.5·5) = 0.948683.
   */
  @Test
  void tiesGetAverageRanks() {
    double rho = SimilarityScorer.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}, 4);
    assertEquals(4.5 / Math.sqrt(22.5), rho, 1e-12);
  }

  @Test
  void fewerThanTwoPairsIsNaN() {
    assertEquals(Double.NaN, SimilarityScorer.spearman(new double[] {1}, new double[] {2}, 1));
  }

  /* A zero vector has cosine 0 with everything. */
  @Test
  void zeroVectorHasCosineZero() {
    VectorSpace s = new VectorSpace(TestVectors.of(2, "z", 0, 0, "a", 1, 0, "b", 1, 1, "c", 0, 1));
    SimilarityDataset d =
        new SimilarityDataset(
            "z",
            List.of(new RatedPair("z", "a", 2), new RatedPair("a", "b", 3),
                new RatedPair("a", "c", 1)));
    // cosines 0, 0.7071, 0 → ranks 1.5, 3, 1.5; gold 2,3,1 → ranks 2,3,1.
    // deviations (mean 2): x −0.5, 1, −0.5; y 0, 1, −1; Σxy = 1.5; Σx² = 1.5; Σy² = 2;
    // ρ = 1.5 / √3 = 0.866025.
    assertEquals(1.5 / Math.sqrt(3), SimilarityScorer.score("z", d, s, Protocol.SKIP).score(),
        1e-12);
  }
}
