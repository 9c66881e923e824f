package dev.x2s.teachers.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A post-LayerNorm BERT encoder on DJL's PyTorch engine, inference only. Takes weights in Hugging Face
 * naming ({@link BertWeightNames}, linear weights {@code [out, in]}) and returns every hidden state:
 * layer 0 is the embeddings after their LayerNorm, layer {@code i} the output of transformer block
 * {@code i}.
 *
 * <p>Speed: q, k and v are fused into one {@code [3H, H]} projection at load (with the
 * {@code 1/sqrt(headDim)} attention scale folded into q), so a block is four GEMMs plus the two
 * attention batched matmuls. Each {@link #forward} call runs in its own {@link NDManager} so nothing
 * outlives the batch. Not thread-safe: use one encoder per thread.
 */
public final class BertEncoder implements BertForward {
  /**
   * Rows are encoded in chunks of about this many tokens: keeps each intermediate (the [tokens, 4H]
   * feed-forward activation is the largest) small enough to be recycled by the allocator instead of
   * being mapped and page-faulted in afresh for every op.
   */
  static final int CHUNK_TOKENS = Integer.getInteger("x2s.bert.chunkTokens", 2048);

  private static final float GELU_A = (float) (2 * Math.sqrt(2.0 / Math.PI));
  private static final float GELU_B = (float) (2 * Math.sqrt(2.0 / Math.PI) * 0.044715);

  private final BertConfig config;
  private final String source;
  private final NDManager weights;
  private final boolean tanhGelu;
  private final boolean bf16;
  private final NDArray wordEmb;
  private final NDArray posEmb;
  private final NDArray typeEmb;
  private final NDArray embLnW;
  private final NDArray embLnB;
  private final List<Block> blocks = new ArrayList<>();

  /** One transformer block's parameters, on the encoder's manager. */
  private record Block(
      NDArray qkvW, NDArray qkvB, NDArray attOutW, NDArray attOutB, NDArray attLnW, NDArray attLnB,
      NDArray interW, NDArray interB, NDArray outW, NDArray outB, NDArray outLnW, NDArray outLnB) {}

  /**
   * @param config architecture
   * @param tensors weights by Hugging Face name; extra tensors (pooler, heads) are ignored
   * @param source where the weights came from, for error messages
   * @throws WeightsException if a tensor is missing or has the wrong shape
   */
  public BertEncoder(BertConfig config, Map<String, Tensor> tensors, String source) {
    this(config, tensors, source, false);
  }

  /**
   * @param bf16 run the four linear layers of each block in bfloat16 (weights stored in bf16,
   *     activations cast to bf16 for each product and back to fp32 after it; LayerNorm, softmax, GELU
   *     and attention stay fp32). Not usable yet: on DJL 0.36 / PyTorch 2.7.1 constructing it aborts the
   *     JVM in native code, so {@link BertEncoders} never asks for it.
   */
  public BertEncoder(BertConfig config, Map<String, Tensor> tensors, String source, boolean bf16) {
    this.bf16 = bf16;
    if (config.hidden() % config.heads() != 0) {
      throw new IllegalArgumentException(
          "hidden " + config.hidden() + " not divisible by heads " + config.heads());
    }
    this.config = config;
    this.source = source;
    this.tanhGelu = switch (config.activation()) {
      case "gelu" -> false;
      case "gelu_tanh", "gelu_new", "gelu_pytorch_tanh" -> true;
      default -> throw new IllegalArgumentException(
          "unsupported activation '" + config.activation() + "' (gelu or gelu_tanh)");
    };
    BertWeightNames.check(config, tensors, source);
    this.weights = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    try {
      wordEmb = put(tensors, BertWeightNames.WORD_EMBEDDINGS);
      posEmb = put(tensors, BertWeightNames.POSITION_EMBEDDINGS);
      typeEmb = put(tensors, BertWeightNames.TOKEN_TYPE_EMBEDDINGS);
      embLnW = put(tensors, BertWeightNames.EMBEDDINGS_LN_WEIGHT);
      embLnB = put(tensors, BertWeightNames.EMBEDDINGS_LN_BIAS);
      float scale = (float) (1.0 / Math.sqrt(config.hidden() / config.heads()));
      for (int i = 0; i < config.layers(); i++) {
        blocks.add(new Block(
            lin(fused(tensors, i, "weight", scale)), lin(fused(tensors, i, "bias", scale)),
            lin(put(tensors, BertWeightNames.attentionOutput(i, "weight"))),
            lin(put(tensors, BertWeightNames.attentionOutput(i, "bias"))),
            put(tensors, BertWeightNames.attentionLayerNorm(i, "weight")),
            put(tensors, BertWeightNames.attentionLayerNorm(i, "bias")),
            lin(put(tensors, BertWeightNames.intermediate(i, "weight"))),
            lin(put(tensors, BertWeightNames.intermediate(i, "bias"))),
            lin(put(tensors, BertWeightNames.output(i, "weight"))),
            lin(put(tensors, BertWeightNames.output(i, "bias"))),
            put(tensors, BertWeightNames.outputLayerNorm(i, "weight")),
            put(tensors, BertWeightNames.outputLayerNorm(i, "bias"))));
      }
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  @Override
  public BertConfig config() {
    return config;
  }

  @Override
  public String source() {
    return source;
  }

  /** A linear layer's parameter in the precision its products run in. */
  private NDArray lin(NDArray a) {
    if (!bf16) {
      return a;
    }
    NDArray b = a.toType(DataType.BFLOAT16, false);
    a.close();
    return b;
  }

  /** {@code x W^T + b}, in bf16 when so configured (the result is fp32 either way). */
  private NDArray linear(NDArray x, NDArray w, NDArray b) {
    if (!bf16) {
      return Linear.linear(x, w, b).singletonOrThrow();
    }
    return Linear.linear(x.toType(DataType.BFLOAT16, false), w, b).singletonOrThrow()
        .toType(DataType.FLOAT32, false);
  }

  @Override
  public dev.x2s.teachers.Precision precision() {
    return bf16 ? dev.x2s.teachers.Precision.BF16 : dev.x2s.teachers.Precision.FP32;
  }

  private NDArray put(Map<String, Tensor> tensors, String name) {
    Tensor t = tensors.get(name);
    return weights.create(t.data(), toShape(t.shape()));
  }

  /** q, k, v stacked into one [3H, H] weight (or [3H] bias), q pre-multiplied by the attention scale. */
  private NDArray fused(Map<String, Tensor> tensors, int layer, String wb, float qScale) {
    float[] q = tensors.get(BertWeightNames.query(layer, wb)).data();
    float[] k = tensors.get(BertWeightNames.key(layer, wb)).data();
    float[] v = tensors.get(BertWeightNames.value(layer, wb)).data();
    float[] all = new float[q.length * 3];
    for (int j = 0; j < q.length; j++) {
      all[j] = q[j] * qScale;
    }
    System.arraycopy(k, 0, all, q.length, k.length);
    System.arraycopy(v, 0, all, 2 * q.length, v.length);
    int h = config.hidden();
    Shape shape = wb.equals("weight") ? new Shape(3L * h, h) : new Shape(3L * h);
    return weights.create(all, shape);
  }

  private static Shape toShape(int[] dims) {
    long[] s = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = dims[i];
    }
    return new Shape(s);
  }

  /**
   * Runs the encoder on a padded batch (token type 0 everywhere).
   *
   * @param ids {@code [batch][seqLen]} piece ids, every row the same length, padded with any valid id
   * @param lengths real (unpadded) length of each row, {@code 1..seqLen}
   * @param maxLayer highest hidden state wanted, {@code 0..layers}; blocks above it are not run
   * @return hidden states {@code 0..maxLayer}
   */
  @Override
  public HiddenStates forward(int[][] ids, int[] lengths, int maxLayer) {
    BertBatch in = BertBatch.of(config, ids, lengths, maxLayer);
    int batch = in.batch();
    int seq = in.seq();
    int h = config.hidden();
    int[] flatIds = in.flatIds();
    float[] mask = in.mask();
    float[][] out = new float[maxLayer + 1][batch * seq * h];
    int rowsPerChunk = Math.max(1, CHUNK_TOKENS / seq);
    for (int from = 0; from < batch; from += rowsPerChunk) {
      int to = Math.min(batch, from + rowsPerChunk);
      run(flatIds, mask, from, to, seq, maxLayer, out);
    }
    return new HiddenStates(batch, seq, h, out);
  }

  /** Encodes rows {@code [from, to)} and copies their states into {@code out[layer]}. */
  private void run(int[] flatIds, float[] mask, int from, int to, int seq, int maxLayer, float[][] out) {
    int rows = to - from;
    int h = config.hidden();
    int heads = config.heads();
    int dh = h / heads;
    float eps = (float) config.layerNormEps();
    Shape norm = new Shape(h);
    int outOffset = from * seq * h;
    try (NDManager m = weights.newSubManager()) {
      NDArray idArr = m.create(Arrays.copyOfRange(flatIds, from * seq, to * seq), new Shape(rows * seq))
          .toType(DataType.INT64, false);
      // indexing results belong to the indexed array's manager (the weights): move them into this
      // batch's manager, or they would pile up there for the encoder's lifetime
      NDArray gathered = wordEmb.get(idArr);
      gathered.attach(m);
      NDArray pos = posEmb.get("0:" + seq);
      pos.attach(m);
      NDArray type = typeEmb.get(0);
      type.attach(m);
      NDArray x = gathered.reshape(rows, seq, h).addi(pos).addi(type);
      x = LayerNorm.layerNorm(x, norm, embLnW, embLnB, eps).singletonOrThrow();
      copyOut(x, out[0], outOffset);
      NDArray attMask = m.create(Arrays.copyOfRange(mask, from * seq, to * seq), new Shape(rows, 1, 1, seq));
      for (int i = 0; i < maxLayer; i++) {
        Block bl = blocks.get(i);
        // every intermediate of this block lives in lm and is freed when the block is done, so
        // native memory stays at one block's worth (and is reused rather than faulted in again)
        try (NDManager lm = m.newSubManager()) {
          x.attach(lm);
          // [rows,T,3H] -> [3,rows,heads,T,dh]
          NDArray qkv = linear(x, bl.qkvW(), bl.qkvB())
              .reshape(rows, seq, 3, heads, dh).transpose(2, 0, 3, 1, 4);
          NDArray q = qkv.get(0);
          NDArray k = qkv.get(1);
          NDArray v = qkv.get(2);
          NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).addi(attMask).softmax(-1);
          NDArray ctx = scores.matMul(v).transpose(0, 2, 1, 3).reshape(rows, seq, h);
          NDArray att = linear(ctx, bl.attOutW(), bl.attOutB()).addi(x);
          att = LayerNorm.layerNorm(att, norm, bl.attLnW(), bl.attLnB(), eps).singletonOrThrow();
          NDArray inter = gelu(linear(att, bl.interW(), bl.interB()));
          NDArray o = linear(inter, bl.outW(), bl.outB()).addi(att);
          x = LayerNorm.layerNorm(o, norm, bl.outLnW(), bl.outLnB(), eps).singletonOrThrow();
          x.attach(m);
        }
        copyOut(x, out[i + 1], outOffset);
      }
    }
  }

  /** Arrays held by the encoder's own manager (constant after construction; for leak tests). */
  int managedArrays() {
    return weights.getManagedArrays().size();
  }

  private static void copyOut(NDArray x, float[] dst, int offset) {
    float[] v = x.toFloatArray();
    System.arraycopy(v, 0, dst, offset, v.length);
  }

  /** GELU, exact (erf) or the tanh approximation as in Google's TF BERT. */
  private NDArray gelu(NDArray x) {
    if (!tanhGelu) {
      return x.getNDArrayInternal().gelu();
    }
    // 0.5 x (1 + tanh(c (x + 0.044715 x^3))) = x sigmoid(2c x (1 + 0.044715 x^2)), c = sqrt(2/pi):
    // the same function in 6 passes over the [tokens, 4H] activation instead of 9
    NDArray t = x.mul(x).muli(GELU_B).addi(GELU_A).muli(x).getNDArrayInternal().sigmoid();
    return t.muli(x);
  }

  @Override
  public void close() {
    weights.close();
  }
}
