package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.BenchmarkScore;

import dev.x2s.evaluate.analogy.AnalogyScorer;
import dev.x2s.evaluate.categorization.CategorizationScorer;
import dev.x2s.evaluate.data.AnalogyDataset;
import dev.x2s.evaluate.data.AnalogyLoader;
import dev.x2s.evaluate.data.CategorizationLoader;
import dev.x2s.evaluate.data.SimilarityLoader;
import dev.x2s.evaluate.data.CategorizationDataset;
import dev.x2s.evaluate.data.RelationDataset;
import dev.x2s.evaluate.data.SimilarityDataset;
import dev.x2s.evaluate.relational.SemEvalScorer;
import dev.x2s.evaluate.similarity.SimilarityScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Wraps loaded datasets as {@link Benchmark}s, and loads a user's own files with the generic
 * loaders.
 */
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

  /** Any word-pair file ({@link SimilarityLoader#load(Path)}), named after the file. */
  public static Benchmark similarityFile(Path file) throws IOException {
    return similarity(idOf(file), SimilarityLoader.load(file));
  }

  /** Any analogy file in {@code questions-words} format, named after the file. */
  public static Benchmark analogyFile(Path file) throws IOException {
    return analogy(idOf(file), AnalogyLoader.questionsWords(file), 0);
  }

  /** Any {@code category,word} CSV, named after the file. */
  public static Benchmark categorizationFile(Path file) throws IOException {
    return categorization(idOf(file), CategorizationLoader.load(file));
  }

  /** The file name without its last extension. */
  static String idOf(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
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
