package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.scoring.EvaluationOptions;

import dev.x2s.evaluate.analogy.AnalogySolver;

/**
 * What a {@link Benchmark} needs to score one vector file: the vectors with their lookup rule, the
 * options, and an analogy solver built on first use and shared by all analogy benchmarks.
 */
public final class EvaluationContext {
  private final VectorSpace space;
  private final EvaluationOptions options;
  private AnalogySolver solver;

  public EvaluationContext(VectorSpace space, EvaluationOptions options) {
    this.space = space;
    this.options = options;
  }

  public VectorSpace space() {
    return space;
  }

  public EvaluationOptions options() {
    return options;
  }

  public Protocol protocol() {
    return options.protocol();
  }

  /** The solver over the first {@code analogyLimit} unit vectors (built once). */
  public synchronized AnalogySolver analogySolver() {
    if (solver == null) {
      float[] extra = options.protocol() == Protocol.MEANFILL ? space.unitMean() : null;
      solver =
          new AnalogySolver(
              space.unit(),
              options.analogyLimit(),
              extra,
              options.analogyCacheBytes(),
              options.threads());
    }
    return solver;
  }
}
