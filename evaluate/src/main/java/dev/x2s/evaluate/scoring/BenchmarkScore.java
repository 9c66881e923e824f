package dev.x2s.evaluate.scoring;

import java.util.Objects;

/**
 * One number of an evaluation: benchmark id (see {@link StandardBenchmarks}), metric name, score
 * ({@code NaN} when nothing could be scored), its coverage and an optional detail (for
 * categorization, the clustering method that gave the best purity).
 */
public record BenchmarkScore(
    String benchmark, String metric, double score, Coverage coverage, String detail) {
  public BenchmarkScore {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(coverage, "coverage");
    detail = detail == null ? "" : detail;
  }

  public BenchmarkScore(String benchmark, String metric, double score, Coverage coverage) {
    this(benchmark, metric, score, coverage, "");
  }

  /** {@code benchmark} or {@code benchmark/metric}: the column name in reports. */
  public String column() {
    return benchmark + "/" + metric;
  }
}
