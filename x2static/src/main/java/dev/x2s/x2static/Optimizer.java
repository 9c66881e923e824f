package dev.x2s.x2static;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates the touched rows of the student matrix from their summed gradient. Implementations keep their
 * own per-row state (if any) and are responsible for writing the rows back.
 */
public interface Optimizer {
  /**
   * @param matrix the full parameter matrix (V × d)
   * @param rows the touched rows, sorted ascending, distinct
   * @param rowsIndex the same rows as an ND4J int vector (for scatters)
   * @param values the current values of those rows (R × d), pulled from {@code matrix}
   * @param gradient the summed gradient of the loss for those rows (R × d); may be overwritten
   * @param progress fraction of training done, in [0, 1] (for schedules)
   */
  void update(INDArray matrix, int[] rows, INDArray rowsIndex, INDArray values, INDArray gradient,
      double progress);

  /** Named state arrays to checkpoint (e.g. Adam moments); empty for SGD. */
  java.util.Map<String, INDArray> state();

  /** Scalar state to checkpoint (e.g. the step count). */
  long steps();

  void restore(java.util.Map<String, INDArray> state, long steps);
}
