package dev.x2s.evaluate.relational;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.RatedPair;
import dev.x2s.evaluate.data.RelationCategory;
import dev.x2s.evaluate.data.RelationDataset;
import dev.x2s.evaluate.data.WordPair;
import dev.x2s.evaluate.similarity.SimilarityScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * SemEval-2012 Task 2 (docs/PROTOCOLS.md): per category, the relation vector r = mean(unit(x)) −
 * mean(unit(y)) over the found prototypes x:y scores each gold pair a:b as r · (unit(a) − unit(b));
 * the category's score is Spearman's ρ against the gold ratings. Reported: the mean over the test
 * categories and over all categories, each over the categories that could be scored.
 */
public final class SemEvalScorer {
  public static final String TEST = "spearman-test";
  public static final String ALL = "spearman-all";
  /** A category needs at least this many scored pairs. */
  public static final int MIN_PAIRS = 3;

  private SemEvalScorer() {}

  public static List<BenchmarkScore> score(
      String benchmark, RelationDataset data, VectorSpace space, Protocol protocol) {
    int n = data.categories().size();
    double[] scores = new double[n];
    int[] found = new int[n];
    int[] words = new int[n];
    for (int i = 0; i < n; i++) {
      RelationCategory c = data.categories().get(i);
      scores[i] = categoryScore(c, space, protocol);
      for (WordPair p : c.prototypes()) {
        found[i] += count(space, p.first(), p.second());
        words[i] += 2;
      }
      for (RatedPair p : c.gold()) {
        found[i] += count(space, p.first(), p.second());
        words[i] += 2;
      }
    }
    List<BenchmarkScore> out = new ArrayList<>();
    out.add(mean(benchmark, TEST, data, scores, found, words, protocol, true));
    out.add(mean(benchmark, ALL, data, scores, found, words, protocol, false));
    return out;
  }

  /**
   * Spearman's ρ of one category, or NaN when it cannot be scored (no found prototype, fewer than
   * {@link #MIN_PAIRS} scored pairs, or constant scores).
   */
  public static double categoryScore(RelationCategory c, VectorSpace space, Protocol protocol) {
    int dim = space.dim();
    double[] mx = new double[dim];
    double[] my = new double[dim];
    int used = 0;
    for (WordPair p : c.prototypes()) {
      float[] x = space.unitVector(p.first(), protocol);
      float[] y = space.unitVector(p.second(), protocol);
      if (x == null || y == null) {
        continue;
      }
      for (int k = 0; k < dim; k++) {
        mx[k] += x[k];
        my[k] += y[k];
      }
      used++;
    }
    if (used == 0) {
      return Double.NaN;
    }
    double[] r = new double[dim];
    for (int k = 0; k < dim; k++) {
      r[k] = mx[k] / used - my[k] / used;
    }
    double[] predicted = new double[c.gold().size()];
    double[] gold = new double[c.gold().size()];
    int kept = 0;
    for (RatedPair p : c.gold()) {
      float[] a = space.unitVector(p.first(), protocol);
      float[] b = space.unitVector(p.second(), protocol);
      if (a == null || b == null) {
        continue;
      }
      double s = 0;
      for (int k = 0; k < dim; k++) {
        s += r[k] * ((double) a[k] - b[k]);
      }
      predicted[kept] = s;
      gold[kept] = p.rating();
      kept++;
    }
    if (kept < MIN_PAIRS) {
      return Double.NaN;
    }
    return SimilarityScorer.spearman(predicted, gold, kept);
  }

  private static int count(VectorSpace space, String a, String b) {
    return (space.row(a) >= 0 ? 1 : 0) + (space.row(b) >= 0 ? 1 : 0);
  }

  private static BenchmarkScore mean(
      String benchmark,
      String metric,
      RelationDataset data,
      double[] scores,
      int[] found,
      int[] words,
      Protocol protocol,
      boolean testOnly) {
    double sum = 0;
    int scored = 0;
    int total = 0;
    int foundWords = 0;
    int allWords = 0;
    for (int i = 0; i < scores.length; i++) {
      if (testOnly && !data.categories().get(i).isTest()) {
        continue;
      }
      total++;
      foundWords += found[i];
      allWords += words[i];
      if (!Double.isNaN(scores[i])) {
        sum += scores[i];
        scored++;
      }
    }
    Coverage coverage =
        protocol == Protocol.SKIP
            ? new Coverage(scored, total, "categories")
            : new Coverage(foundWords, allWords, "words");
    return new BenchmarkScore(
        benchmark, metric, scored == 0 ? Double.NaN : sum / scored, coverage);
  }
}
