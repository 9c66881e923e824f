package dev.x2s.evaluate.report;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import java.util.List;
import java.util.Objects;

/** Every score of one vector file: one row of an {@link EvaluationReport}. */
public record VectorResults(String name, int size, int dim, List<BenchmarkScore> scores) {
  public VectorResults {
    Objects.requireNonNull(name, "name");
    scores = List.copyOf(scores);
  }

  /** The score in column {@code benchmark/metric}, or null. */
  public BenchmarkScore score(String column) {
    for (BenchmarkScore s : scores) {
      if (s.column().equals(column)) {
        return s;
      }
    }
    return null;
  }
}
