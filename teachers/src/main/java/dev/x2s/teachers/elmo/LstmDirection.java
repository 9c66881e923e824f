package dev.x2s.teachers.elmo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.x2s.teachers.weights.Tensor;

/**
 * One direction of one ELMo LSTM layer: AllenNLP's {@code LstmCellWithProjection} with bilm-tf
 * weights. Per step, with TF's gate order i, j, f, o in {@code W_0}:
 *
 * <pre>
 *   z = x·W_in + (h·W_rec + b)          b = B + 1 on the forget gate (TF's forget_bias)
 *   c = clip(σ(z_i)·tanh(z_j) + σ(z_f)·c, cell_clip)
 *   h = clip((σ(z_o)·tanh(c))·W_P, proj_clip)
 * </pre>
 *
 * A sequence of length {@code n} in a padded batch is processed over positions {@code 0..n-1} only
 * (forward: ascending; backward: from {@code n-1} down to 0, starting from the initial state), so its
 * outputs and final state do not depend on the padding; outputs at padded positions are zero.
 */
final class LstmDirection {
  private final boolean forward;
  private final int cell;
  private final int hidden;
  private final float cellClip;
  private final float projectionClip;
  private final NDArray inputKernel; // [in, 4·cell]
  private final NDArray recurrentKernel; // [hidden, 4·cell]
  private final NDArray bias; // [4·cell], forget gate +1
  private final NDArray projection; // [cell, hidden]

  /** Output sequence {@code [batch, time, hidden]} and final state {@code [batch, hidden|cell]}. */
  record Result(NDArray output, NDArray finalHidden, NDArray finalCell) {}

  LstmDirection(
      NDManager weights, Tensor kernel, Tensor b, Tensor proj, boolean forward, ElmoOptions o) {
    this.forward = forward;
    this.cell = o.cellDim();
    this.hidden = o.projectionDim();
    this.cellClip = (float) o.cellClip();
    this.projectionClip = (float) o.projectionClip();
    int gates = 4 * cell;
    int in = kernel.dim(0) - hidden;
    float[] k = kernel.data();
    float[] kIn = java.util.Arrays.copyOfRange(k, 0, in * gates);
    float[] kRec = java.util.Arrays.copyOfRange(k, in * gates, k.length);
    float[] bb = b.data().clone();
    // TF's LSTMCell adds forget_bias=1.0 at run time instead of storing it (AllenNLP folds it in).
    for (int j = 2 * cell; j < 3 * cell; j++) {
      bb[j] += 1f;
    }
    this.inputKernel = weights.create(kIn, new Shape(in, gates));
    this.recurrentKernel = weights.create(kRec, new Shape(hidden, gates));
    this.bias = weights.create(bb, new Shape(gates));
    this.projection = weights.create(proj.data(), new Shape(cell, hidden));
  }

  /**
   * Runs the direction over a padded batch.
   *
   * @param input {@code [batch, time, in]}
   * @param valid {@code [time, batch, 1]} boolean, true where {@code t < length(row)}
   * @param validF the same as float 0/1
   * @param h0 initial hidden state {@code [batch, hidden]}
   * @param c0 initial memory {@code [batch, cell]}
   */
  Result run(NDArray input, NDArray valid, NDArray validF, NDArray h0, NDArray c0) {
    long batch = input.getShape().get(0);
    long time = input.getShape().get(1);
    long in = input.getShape().get(2);
    // Input projections for all steps at once; [time, batch, 4·cell] so a step is one slice.
    NDArray xw =
        input.reshape(batch * time, in).matMul(inputKernel).reshape(batch, time, 4L * cell)
            .transpose(1, 0, 2);
    // torch.where via DJL does not broadcast the condition: expand it once per run
    NDArray validH = valid.broadcast(time, batch, hidden);
    NDArray validC = valid.broadcast(time, batch, cell);
    NDArray h = h0;
    NDArray c = c0;
    NDList outputs = new NDList((int) time);
    NDArray[] out = new NDArray[(int) time];
    for (int s = 0; s < time; s++) {
      int t = forward ? s : (int) time - 1 - s;
      try (NDScope scope = new NDScope()) {
        NDArray z = xw.get(t).add(h.matMul(recurrentKernel).add(bias));
        NDList g = z.split(4, 1);
        NDArray i = Activation.sigmoid(g.get(0));
        NDArray j = g.get(1).tanh();
        NDArray f = Activation.sigmoid(g.get(2));
        NDArray o = Activation.sigmoid(g.get(3));
        NDArray cNew = i.mul(j).add(f.mul(c));
        if (cellClip > 0) {
          cNew = cNew.clip(-cellClip, cellClip);
        }
        NDArray hNew = o.mul(cNew.tanh()).matMul(projection);
        if (projectionClip > 0) {
          hNew = hNew.clip(-projectionClip, projectionClip);
        }
        NDArray cNext = NDArrays.where(validC.get(t), cNew, c);
        NDArray hNext = NDArrays.where(validH.get(t), hNew, h);
        out[t] = hNew.mul(validF.get(t));
        NDScope.unregister(cNext, hNext, out[t]);
        if (c != c0) { // the caller owns the initial state; later ones are ours to free early
          c.close();
          h.close();
        }
        c = cNext;
        h = hNext;
      }
    }
    for (NDArray a : out) {
      outputs.add(a);
    }
    NDArray stacked = NDArrays.stack(outputs, 1);
    outputs.close();
    validH.close();
    validC.close();
    xw.close();
    return new Result(stacked, h, c);
  }

  int hidden() {
    return hidden;
  }

  int cell() {
    return cell;
  }
}
