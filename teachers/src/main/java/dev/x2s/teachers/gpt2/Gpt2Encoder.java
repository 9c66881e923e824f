package dev.x2s.teachers.gpt2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.x2s.teachers.weights.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * GPT-2's forward pass on DJL's PyTorch engine, returning every hidden state as Hugging Face's
 * {@code output_hidden_states=True} does: state 0 is {@code wte + wpe}, state {@code l} the residual
 * stream after block {@code l}, except that the last state ({@code n_layer}) is after the final
 * LayerNorm {@code ln_f} (which HF applies to the top state only).
 *
 * <p>Blocks are pre-LN: {@code h += attn(ln_1(h)); h += mlp(ln_2(h))}, attention is causal, the MLP
 * uses {@code gelu_new} (tanh approximation). Batches are right-padded: with a causal mask a real
 * position only attends to positions at or before it, which are all real, so padding never
 * influences real positions and no separate padding mask is needed (pad ids are 0).
 *
 * <p>Weights live in one long-lived {@link NDManager}; every batch uses a sub-manager, and every block
 * a sub-manager of that, so intermediates are freed after each block. {@link #forward} keeps no state
 * between calls.
 */
public final class Gpt2Encoder implements AutoCloseable {
  private final Gpt2Config cfg;
  private final NDManager manager;
  private final NDArray wte;
  private final NDArray wpe;
  private final NDArray lnFGamma;
  private final NDArray lnFBeta;
  private final NDArray causal;
  private final List<BlockArrays> blocks;
  private final Shape normShape;

  /** Linear weights are stored {@code [out, in]} (PyTorch {@code nn.Linear} layout) for {@code linear}. */
  private record BlockArrays(
      NDArray ln1G, NDArray ln1B, NDArray attnW, NDArray attnB, NDArray projW, NDArray projB,
      NDArray ln2G, NDArray ln2B, NDArray fcW, NDArray fcB, NDArray mlpW, NDArray mlpB) {}

  /** Copies the weights into native memory; {@code weights} may be dropped afterwards. */
  public Gpt2Encoder(Gpt2Config cfg, Gpt2Weights weights) {
    this(cfg, weights.asSource(), "weights");
  }

  /**
   * Loads the weights one tensor at a time from {@code source} (canonical names, see
   * {@link Gpt2Weights#source}), checking each shape, so the Java heap holds at most one tensor.
   *
   * @param src names the source in errors
   */
  public Gpt2Encoder(Gpt2Config cfg, Function<String, Tensor> source, String src) {
    DjlOffline.ensure();
    this.cfg = cfg;
    this.manager = NDManager.newBaseManager("PyTorch");
    try {
      this.normShape = new Shape(cfg.hidden());
      Function<String, Tensor> get = name -> Gpt2Weights.fetch(source, name, cfg, src);
      wte = arr(get.apply("wte.weight"));
      wpe = arr(get.apply("wpe.weight"));
      List<BlockArrays> bs = new ArrayList<>();
      for (int i = 0; i < cfg.layers(); i++) {
        String p = "h." + i + ".";
        bs.add(new BlockArrays(
            arr(get.apply(p + "ln_1.weight")), arr(get.apply(p + "ln_1.bias")),
            linearWeight(get.apply(p + "attn.c_attn.weight")), arr(get.apply(p + "attn.c_attn.bias")),
            linearWeight(get.apply(p + "attn.c_proj.weight")), arr(get.apply(p + "attn.c_proj.bias")),
            arr(get.apply(p + "ln_2.weight")), arr(get.apply(p + "ln_2.bias")),
            linearWeight(get.apply(p + "mlp.c_fc.weight")), arr(get.apply(p + "mlp.c_fc.bias")),
            linearWeight(get.apply(p + "mlp.c_proj.weight")), arr(get.apply(p + "mlp.c_proj.bias"))));
      }
      blocks = List.copyOf(bs);
      lnFGamma = arr(get.apply("ln_f.weight"));
      lnFBeta = arr(get.apply("ln_f.bias"));
      int p = cfg.maxPositions();
      float[] mask = new float[p * p];
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++) {
          mask[i * p + j] = Float.NEGATIVE_INFINITY; // every row keeps its diagonal, so softmax is defined
        }
      }
      causal = manager.create(mask, new Shape(p, p));
    } catch (RuntimeException e) {
      manager.close(); // free what was already copied
      throw e;
    }
  }

  private NDArray arr(Tensor t) {
    long[] shape = new long[t.rank()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.dim(i);
    }
    return manager.create(t.data(), new Shape(shape));
  }

  /** Conv1D {@code [in, out]} → Linear {@code [out, in]}. */
  private NDArray linearWeight(Tensor conv1d) {
    return arr(conv1d.transposed(conv1d.name()));
  }

  public Gpt2Config config() {
    return cfg;
  }

  /** Native arrays held by this encoder (weights; plus live intermediates during a forward pass). */
  int nativeArrays() {
    return manager.getManagedArrays().size();
  }

  /**
   * Runs a batch of piece-id sequences.
   *
   * @param ids each sequence 1..{@code n_positions} ids long
   * @param maxLayer highest hidden state wanted (0..{@code n_layer}); blocks above it are not run
   * @return per sequence, its hidden states {@code [layer 0..maxLayer][piece][dim]} as one array
   */
  public float[][] forward(int[][] ids, int maxLayer) {
    if (maxLayer < 0 || maxLayer > cfg.layers()) {
      throw new IllegalArgumentException("maxLayer " + maxLayer + " outside 0.." + cfg.layers());
    }
    int batch = ids.length;
    int maxLen = 0;
    for (int[] s : ids) {
      if (s.length == 0 || s.length > cfg.maxPositions()) {
        throw new IllegalArgumentException(
            "sequence of " + s.length + " pieces; must be 1.." + cfg.maxPositions());
      }
      maxLen = Math.max(maxLen, s.length);
    }
    int t = maxLen;
    int e = cfg.hidden();
    int layersOut = maxLayer + 1;
    float[][] out = new float[batch][];
    for (int b = 0; b < batch; b++) {
      out[b] = new float[layersOut * ids[b].length * e];
    }
    long[] flat = new long[batch * t];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < ids[b].length; i++) {
        int id = ids[b][i];
        if (id < 0 || id >= cfg.vocabSize()) {
          throw new IllegalArgumentException("piece id " + id + " outside vocabulary of " + cfg.vocabSize());
        }
        flat[b * t + i] = id;
      }
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray idArr = m.create(flat, new Shape(batch, t));
      NDArray h = Embedding.embedding(idArr, wte, SparseFormat.DENSE).singletonOrThrow()
          .add(wpe.get(m, new NDIndex("0:{}", t)));
      copyOut(h, 0, ids, out, t);
      for (int l = 0; l < maxLayer; l++) {
        try (NDManager lm = m.newSubManager()) {
          h.attach(lm); // the old state and all of this block's intermediates are freed with lm
          NDArray mask = causal.get(lm, new NDIndex("0:{}, 0:{}", t, t));
          NDArray next = block(blocks.get(l), h, mask, batch, t);
          if (l == cfg.layers() - 1) {
            next = LayerNorm.layerNorm(next, normShape, lnFGamma, lnFBeta, (float) cfg.layerNormEps())
                .singletonOrThrow();
          }
          copyOut(next, l + 1, ids, out, t);
          next.attach(m);
          h = next;
        }
      }
    }
    return out;
  }

  private NDArray block(BlockArrays w, NDArray h, NDArray mask, int batch, int t) {
    int e = cfg.hidden();
    int heads = cfg.heads();
    int d = cfg.headDim();
    float eps = (float) cfg.layerNormEps();
    NDArray a = LayerNorm.layerNorm(h, normShape, w.ln1G(), w.ln1B(), eps).singletonOrThrow();
    // one fused matmul for q, k, v: [B, T, 3E] → [3, B, H, T, D]
    NDArray qkv = Linear.linear(a, w.attnW(), w.attnB()).singletonOrThrow()
        .reshape(batch, t, 3, heads, d)
        .transpose(2, 0, 3, 1, 4);
    NDArray q = qkv.get(0);
    NDArray k = qkv.get(1);
    NDArray v = qkv.get(2);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(d)).add(mask);
    NDArray ctx = scores.softmax(-1).matMul(v) // [B, H, T, D]
        .transpose(0, 2, 1, 3)
        .reshape(batch, t, e);
    h = h.add(Linear.linear(ctx, w.projW(), w.projB()).singletonOrThrow());
    NDArray f = Linear.linear(
        LayerNorm.layerNorm(h, normShape, w.ln2G(), w.ln2B(), eps).singletonOrThrow(), w.fcW(), w.fcB())
        .singletonOrThrow();
    f = cfg.tanhGelu() ? geluTanh(f) : Activation.gelu(f);
    return h.add(Linear.linear(f, w.mlpW(), w.mlpB()).singletonOrThrow());
  }

  /** {@code 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))}, HF's {@code NewGELUActivation}. */
  private static NDArray geluTanh(NDArray x) {
    NDArray inner = x.mul(x).mul(x).mul(0.044715).add(x).mul(Math.sqrt(2.0 / Math.PI));
    return inner.tanh().add(1.0).mul(x).mul(0.5);
  }

  private void copyOut(NDArray state, int layer, int[][] ids, float[][] out, int t) {
    float[] all = state.toFloatArray(); // [B, T, E]
    int e = cfg.hidden();
    for (int b = 0; b < ids.length; b++) {
      int len = ids[b].length;
      System.arraycopy(all, b * t * e, out[b], layer * len * e, len * e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
