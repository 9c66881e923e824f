package dev.x2s.x2static;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.factory.Nd4j;

/** Plain SGD with the learning rate decayed linearly to zero over training (word2vec/fastText style). */
public final class LinearDecaySgd implements Optimizer {
  private final double lr;
  private long steps;

  public LinearDecaySgd(double lr) {
    this.lr = lr;
  }

  @Override
  public void update(INDArray matrix, int[] rows, INDArray rowsIndex, INDArray values,
      INDArray gradient, double progress) {
    double rate = lr * Math.max(1e-4, 1 - progress);
    values.subi(gradient.muli(rate));
    Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ASSIGN, matrix, rowsIndex, values, 1);
    steps++;
  }

  @Override
  public Map<String, INDArray> state() {
    return Map.of();
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public void restore(Map<String, INDArray> state, long steps) {
    this.steps = steps;
  }
}
