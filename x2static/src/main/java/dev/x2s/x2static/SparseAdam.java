package dev.x2s.x2static;

import dev.x2s.vectors.math.Adam;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * PyTorch's {@code torch.optim.SparseAdam}, which the X2Static release uses: Adam moments are updated
 * only for the rows present in the step's gradient, and bias correction uses the optimiser's global step
 * count (incremented once per step), exactly as {@code SparseAdam.step} does. The constants and step
 * size are {@link Adam}'s; the arithmetic is ND4J array ops so that it runs where the arrays live (CUDA
 * too) — the fused engines run the same rule as {@link dev.x2s.vectors.math.VectorMath#sparseAdamRow},
 * and {@code FusedCpuEngineTest} holds the two together.
 */
public final class SparseAdam implements Optimizer {
  private final double lr;
  private INDArray m;
  private INDArray v;
  private long steps;

  public SparseAdam(double lr, long rows, long cols) {
    this.lr = lr;
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
    mr.muli(Adam.BETA1).addi(gradient.mul(1 - Adam.BETA1));
    vr.muli(Adam.BETA2).addi(gradient.muli(gradient).muli(1 - Adam.BETA2));
    // torch.optim._functional.sparse_adam: denom = sqrt(v) + eps; step = lr·sqrt(bc2)/bc1
    INDArray denom = Transforms.sqrt(vr, true).addi(Adam.EPSILON);
    values.subi(mr.div(denom).muli(Adam.stepSize(lr, steps)));
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
