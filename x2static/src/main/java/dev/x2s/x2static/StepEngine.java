package dev.x2s.x2static;

/**
 * Runs the student's optimisation steps. Two implementations compute the same maths: {@link
 * FusedCpuEngine} (plain fused loops, the fast CPU path) and {@link Nd4jEngine} (batched ND4J ops, for
 * the CUDA backend).
 */
public interface StepEngine extends AutoCloseable {
  /** One step; returns the summed loss of the batch's pairs before the update. */
  double step(TrainingBatch batch, double progress);

  /** A row-major copy (or the live array) of the parameters, {@code rows × dim}. */
  float[] parameters();

  /** Optimiser state for checkpoints, by name (e.g. {@code adam_m}); empty for SGD. */
  java.util.Map<String, float[]> optimizerState();

  long steps();

  @Override
  void close();
}
