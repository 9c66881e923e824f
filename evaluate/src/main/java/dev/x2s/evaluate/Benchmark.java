package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.BenchmarkScore;

import java.util.List;

/**
 * A loaded benchmark that can score vectors. Standard ones come from {@link StandardBenchmarks};
 * any file a user points at can be wrapped with {@link Benchmarks}.
 */
public interface Benchmark {
  /** Id used in reports ({@code simlex999}, {@code google}, or a user's name). */
  String id();

  /** Number of items (pairs, questions, words, categories). */
  int size();

  List<BenchmarkScore> evaluate(EvaluationContext context);
}
