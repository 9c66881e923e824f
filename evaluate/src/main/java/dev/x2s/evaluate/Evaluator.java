package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.scoring.EvaluationOptions;

import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Scores one vector file on a list of benchmarks (docs/PROTOCOLS.md). */
public final class Evaluator {
  private final EvaluationOptions options;

  public Evaluator(EvaluationOptions options) {
    this.options = options;
  }

  public Evaluator() {
    this(EvaluationOptions.defaults());
  }

  public EvaluationOptions options() {
    return options;
  }

  /** Scores {@code vectors} (reported as {@code name}) on already loaded benchmarks. */
  public VectorResults evaluate(String name, WordVectors vectors, List<Benchmark> benchmarks) {
    EvaluationContext context =
        new EvaluationContext(new VectorSpace(vectors, options.lowercase()), options);
    List<BenchmarkScore> scores = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      scores.addAll(b.evaluate(context));
    }
    return new VectorResults(name, vectors.size(), vectors.dim(), scores);
  }

  /** Loads benchmarks {@code ids} from {@code catalogue} and scores {@code vectors} on them. */
  public VectorResults evaluate(
      String name, WordVectors vectors, StandardBenchmarks catalogue, Collection<String> ids)
      throws IOException {
    return evaluate(name, vectors, catalogue.load(ids));
  }
}
