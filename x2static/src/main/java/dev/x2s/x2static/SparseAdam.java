package dev.x2s.x2static;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * PyTorch's {@code torch.optim.SparseAdam}, which the X2Static release uses: Adam moments are updated
 * only for the rows present in the step's gradient, and bias correction uses the optimiser's global step
 * count (incremented once per step), exactly as {@code SparseAdam.step} does.
 */
public final class SparseAdam implements Optimizer {
  private final double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private INDArray m;
  private INDArray v;
  private long steps;

  public SparseAdam(double lr, long rows, long cols) {
    this(lr, 0.9, 0.999, 1e-8, rows, cols);
  }

  public SparseAdam(double lr, double beta1, double beta2, double eps, long rows, long cols) {
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows, cols);
    this.v = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows, cols);
  }

  @Override
  public void update(INDArray matrix, int[] rows, INDArray rowsIndex, INDArray values,
      INDArray gradient, double progress) {
    steps++;
    INDArray mr = Nd4j.pullRows(m, 1, rows);
    INDArray vr = Nd4j.pullRows(v, 1, rows);
    // m = b1 m + (1-b1) g ; v = b2 v + (1-b2) g²
    mr.muli(beta1).addi(gradient.mul(1 - beta1));
    vr.muli(beta2).addi(gradient.muli(gradient).muli(1 - beta2));
    double bc1 = 1 - Math.pow(beta1, steps);
    double bc2 = 1 - Math.pow(beta2, steps);
    double stepSize = lr * Math.sqrt(bc2) / bc1;
    // torch.optim._functional.sparse_adam: denom = sqrt(v) + eps; step = lr·sqrt(bc2)/bc1
    INDArray denom = Transforms.sqrt(vr, true).addi(eps);
    values.subi(mr.div(denom).muli(stepSize));
    Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ASSIGN, m, rowsIndex, mr, 1);
    Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ASSIGN, v, rowsIndex, vr, 1);
    Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ASSIGN, matrix, rowsIndex, values, 1);
  }

  @Override
  public Map<String, INDArray> state() {
    return Map.of("adam_m", m, "adam_v", v);
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public void restore(Map<String, INDArray> state, long steps) {
    this.m = state.get("adam_m");
    this.v = state.get("adam_v");
    this.steps = steps;
  }
}
