package dev.x2s.x2static;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The ND4J step engine: {@link StudentModel} with an ND4J {@link Optimizer} (runs on CUDA too). */
public final class Nd4jEngine implements StepEngine {
  private final StudentModel model;
  private final Optimizer optimizer;

  public Nd4jEngine(StudentModel model, Optimizer optimizer) {
    this.model = model;
    this.optimizer = optimizer;
  }

  @Override
  public double step(TrainingBatch batch, double progress) {
    return model.step(batch, optimizer, progress);
  }

  @Override
  public float[] parameters() {
    return model.toFloatArray();
  }

  @Override
  public Map<String, float[]> optimizerState() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> e : optimizer.state().entrySet()) {
      out.put(e.getKey(), e.getValue().dup('c').data().asFloat());
    }
    return out;
  }

  @Override
  public long steps() {
    return optimizer.steps();
  }

  @Override
  public void close() {}
}
