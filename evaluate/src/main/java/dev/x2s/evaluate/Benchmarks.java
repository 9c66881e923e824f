package dev.x2s.evaluate;

import dev.x2s.evaluate.analogy.AnalogyScorer;
import dev.x2s.evaluate.categorization.CategorizationScorer;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.CategorizationDataset;
import dev.x2s.evaluate.data.RelationDataset;
import dev.x2s.evaluate.data.SimilarityDataset;
import dev.x2s.evaluate.relational.SemEvalScorer;
import dev.x2s.evaluate.similarity.SimilarityScorer;
import java.util.List;

/** Wraps loaded datasets as {@link Benchmark}s. */
public final class Benchmarks {
  private Benchmarks() {}

  public static Benchmark similarity(String id, SimilarityDataset data) {
    return new Simple(id, data.size()) {
      @Override
      public List<BenchmarkScore> evaluate(EvaluationContext c) {
        return List.of(SimilarityScorer.score(id, data, c.space(), c.protocol()));
      }
    };
  }

  /**
   * @param semanticSections when positive, also report semantic (first this many sections) and
   *     syntactic accuracies (5 for Google)
   */
  public static Benchmark analogy(String id, AnalogyDataset data, int semanticSections) {
    return new Simple(id, data.size()) {
      @Override
      public List<BenchmarkScore> evaluate(EvaluationContext c) {
        return AnalogyScorer.score(
            id, data, c.space(), c.protocol(), c.analogySolver(), semanticSections);
      }
    };
  }

  public static Benchmark categorization(String id, CategorizationDataset data) {
    return new Simple(id, data.size()) {
      @Override
      public List<BenchmarkScore> evaluate(EvaluationContext c) {
        return List.of(CategorizationScorer.score(id, data, c.space(), c.protocol()));
      }
    };
  }

  public static Benchmark semEval(String id, RelationDataset data) {
    return new Simple(id, data.categories().size()) {
      @Override
      public List<BenchmarkScore> evaluate(EvaluationContext c) {
        return SemEvalScorer.score(id, data, c.space(), c.protocol());
      }
    };
  }

  private abstract static class Simple implements Benchmark {
    private final String id;
    private final int size;

    Simple(String id, int size) {
      this.id = id;
      this.size = size;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public String toString() {
      return id + " (" + size + ")";
    }
  }
}
