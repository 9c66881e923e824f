package dev.x2s.evaluate.similarity;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.RatedPair;
import dev.x2s.evaluate.data.SimilarityDataset;
import dev.x2s.vectors.math.VectorMath;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Word similarity: Spearman's ρ (average ranks for ties) between cosine(w1, w2) and the gold rating
 * over the kept pairs, in file order.
 */
public final class SimilarityScorer {
  public static final String METRIC = "spearman";

  private SimilarityScorer() {}

  public static BenchmarkScore score(
      String benchmark, SimilarityDataset data, VectorSpace space, Protocol protocol) {
    int n = data.size();
    double[] cos = new double[n];
    double[] gold = new double[n];
    int kept = 0;
    int found = 0;
    for (RatedPair p : data.pairs()) {
      float[] a = space.unitVector(p.first(), protocol);
      float[] b = space.unitVector(p.second(), protocol);
      found += (space.row(p.first()) >= 0 ? 1 : 0) + (space.row(p.second()) >= 0 ? 1 : 0);
      if (a == null || b == null) {
        continue;
      }
      cos[kept] = VectorMath.cosine(a, b);
      gold[kept] = p.rating();
      kept++;
    }
    Coverage coverage =
        protocol == Protocol.SKIP
            ? new Coverage(kept, n, "pairs")
            : new Coverage(found, 2 * n, "words");
    return new BenchmarkScore(benchmark, METRIC, spearman(cos, gold, kept), coverage);
  }

  /** Spearman's ρ of the first {@code n} values (NaN for fewer than 2 or a constant side). */
  public static double spearman(double[] x, double[] y, int n) {
    if (n < 2) {
      return Double.NaN;
    }
    double[] a = java.util.Arrays.copyOf(x, n);
    double[] b = java.util.Arrays.copyOf(y, n);
    return new SpearmansCorrelation().correlation(a, b);
  }
}
