package dev.x2s.teachers.bert;

import dev.x2s.teachers.graph.OnnxGraphBuilder;
import dev.x2s.teachers.graph.OnnxGraphBuilder.Attr;
import dev.x2s.teachers.weights.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Writes a BERT encoder (the same computation as {@link BertEncoder}) as an ONNX graph for ONNX Runtime,
 * with each of a block's four linear layers in fp32 or int8.
 *
 * <p>int8 linear layer {@code y = x W + b}, {@code W} stored {@code [K, N]}:
 * <ul>
 *   <li>smoothing (SmoothQuant): the input is divided per channel by {@code s[k]} and row {@code k} of
 *       {@code W} multiplied by it, so the product is unchanged but the activation's outlier channels
 *       (BERT has a few, ten times the rest) move into the weights, which quantize per output channel;
 *   <li>weights: symmetric int8 per output channel, {@code scale[n] = max_k |W'[k,n]| / 127};
 *   <li>activations: symmetric int8 per token (each row's own {@code max|x|/127}), computed in the graph;
 *   <li>{@code MatMulInteger} (int32 accumulation; ONNX Runtime's CPU kernel uses VNNI where the CPU has
 *       it), then {@code y = acc * rowScale * scale[n] + b} in fp32.
 * </ul>
 * LayerNorm, softmax, GELU and the attention products stay fp32.
 *
 * <p>Inputs: {@code input_ids} int64 {@code [B, T]}, {@code positions} int64 {@code [T]} (0..T-1),
 * {@code mask} float {@code [B, 1, 1, T]} (0 for real tokens, -10000 for padding). Outputs:
 * {@code hidden_0..hidden_L} float {@code [B, T, H]}; with {@code calibrate}, also {@code amax_i_j}
 * (per-channel max |input| of linear {@code j} of block {@code i} over the batch).
 */
public final class BertOnnxGraph {
  /** How a linear layer runs. */
  public enum Linear { FP32, INT8 }

  /** The four linear layers of a block, in order: fused q/k/v, attention output, intermediate, output. */
  public static final int LINEARS = 4;

  private static final float MASK_PENALTY = -10000f;

  private final BertConfig c;
  private final Map<String, Tensor> w;
  private final OnnxGraphBuilder g;

  private BertOnnxGraph(BertConfig c, Map<String, Tensor> w) {
    this.c = c;
    this.w = w;
    this.g = new OnnxGraphBuilder("x2s-bert");
  }

  /**
   * @param linear per block and linear layer ({@code [layers][4]}), fp32 or int8
   * @param actMax per block and linear layer the calibrated max |input| per channel ({@code [K]}; null:
   *     no smoothing)
   * @param alpha SmoothQuant's migration strength: {@code s[k] = actMax[k]^alpha / max_n|W[k,n]|^(1-alpha)}
   * @param calibrate add the {@code amax_i_j} outputs
   * @return the ONNX model's bytes
   */
  public static byte[] build(BertConfig c, Map<String, Tensor> w, Linear[][] linear, float[][][] actMax,
      double alpha, boolean calibrate) {
    return build(c, w, linear, actMax, alpha, calibrate, "weights");
  }

  /**
   * @param source where the weights came from, for errors
   * @throws dev.x2s.teachers.weights.WeightsException naming {@code source} and the tensor when a tensor is
   *     missing, has the wrong shape or holds a non-finite value, or a calibration vector does not fit
   */
  public static byte[] build(BertConfig c, Map<String, Tensor> w, Linear[][] linear, float[][][] actMax,
      double alpha, boolean calibrate, String source) {
    BertWeightNames.check(c, w, source);
    if (linear.length != c.layers()) {
      throw new IllegalArgumentException(linear.length + " layers of linear kinds for " + c.layers() + " layers");
    }
    if (actMax != null) {
      checkCalibration(c, actMax, source);
    }
    BertOnnxGraph b = new BertOnnxGraph(c, w);
    b.alpha = alpha;
    b.source = source;
    return b.write(linear, actMax, calibrate);
  }

  private double alpha;
  private String source;

  private static void checkCalibration(BertConfig c, float[][][] actMax, String source) {
    if (actMax.length != c.layers()) {
      throw new dev.x2s.teachers.weights.WeightsException(source, "calibration covers " + actMax.length
          + " layers, the model has " + c.layers());
    }
    int[] widths = {c.hidden(), c.hidden(), c.hidden(), c.intermediate()};
    for (int i = 0; i < actMax.length; i++) {
      for (int j = 0; j < LINEARS; j++) {
        float[] v = actMax[i][j];
        if (v == null || v.length != widths[j]) {
          throw new dev.x2s.teachers.weights.WeightsException(source, "calibration of layer " + i + " linear " + j
              + " has " + (v == null ? 0 : v.length) + " channels, expected " + widths[j]);
        }
        for (int k = 0; k < v.length; k++) {
          if (!Float.isFinite(v[k]) || v[k] < 0) {
            throw new dev.x2s.teachers.weights.WeightsException(source, "calibration of layer " + i + " linear "
                + j + " channel " + k + " is " + v[k] + " (fp32 activations overflowed?)");
          }
        }
      }
    }
  }

  /** The whole encoder in {@code kind}. */
  public static Linear[][] all(BertConfig c, Linear kind) {
    Linear[][] l = new Linear[c.layers()][LINEARS];
    for (Linear[] row : l) {
      java.util.Arrays.fill(row, kind);
    }
    return l;
  }

  private byte[] write(Linear[][] linear, float[][][] smooth, boolean calibrate) {
    int h = c.hidden();
    int heads = c.heads();
    int dh = h / heads;
    float eps = (float) c.layerNormEps();
    String ids = g.input("input_ids", OnnxGraphBuilder.INT64, "batch", "seq");
    String positions = g.input("positions", OnnxGraphBuilder.INT64, "seq");
    String mask = g.input("mask", OnnxGraphBuilder.FLOAT, "batch", 1L, 1L, "seq");
    String words = g.node("Gather", List.of(tensor(BertWeightNames.WORD_EMBEDDINGS), ids));
    String pos = g.node("Gather", List.of(tensor(BertWeightNames.POSITION_EMBEDDINGS), positions));
    float[] type0 = java.util.Arrays.copyOf(w.get(BertWeightNames.TOKEN_TYPE_EMBEDDINGS).data(), h);
    String x = g.node("Add", List.of(g.node("Add", List.of(words, pos)), g.floats("type0", type0, h)));
    x = layerNorm(x, BertWeightNames.EMBEDDINGS_LN_WEIGHT, BertWeightNames.EMBEDDINGS_LN_BIAS, eps);
    output(x, 0);
    String qkvShape = g.int64s("qkv_shape", new long[] {0, 0, 3, heads, dh}, 5);
    String ctxShape = g.int64s("ctx_shape", new long[] {0, 0, h}, 3);
    String[] pick = new String[3];
    for (int j = 0; j < 3; j++) {
      pick[j] = g.int64s("pick", new long[] {j});
    }
    float qScale = (float) (1.0 / Math.sqrt(dh));
    for (int i = 0; i < c.layers(); i++) {
      Linear[] kinds = linear[i];
      float[][] s = smooth == null ? new float[LINEARS][] : smooth[i];
      float[] qkvW = fusedQkv(i, "weight", qScale);
      float[] qkvB = fusedQkv(i, "bias", qScale);
      amax(calibrate, x, i, 0);
      String qkv = linear(x, qkvW, qkvB, h, 3 * h, kinds[0], s[0], BertWeightNames.query(i, "weight") + "+key+value");
      qkv = g.node("Transpose", List.of(g.node("Reshape", List.of(qkv, qkvShape))),
          Attr.ints("perm", 2, 0, 3, 1, 4));
      String q = g.node("Gather", List.of(qkv, pick[0]), Attr.i("axis", 0));
      String k = g.node("Gather", List.of(qkv, pick[1]), Attr.i("axis", 0));
      String v = g.node("Gather", List.of(qkv, pick[2]), Attr.i("axis", 0));
      String kt = g.node("Transpose", List.of(k), Attr.ints("perm", 0, 1, 3, 2));
      String scores = g.node("Add", List.of(g.node("MatMul", List.of(q, kt)), mask));
      String probs = g.node("Softmax", List.of(scores), Attr.i("axis", -1));
      String ctx = g.node("Transpose", List.of(g.node("MatMul", List.of(probs, v))),
          Attr.ints("perm", 0, 2, 1, 3));
      ctx = g.node("Reshape", List.of(ctx, ctxShape));
      amax(calibrate, ctx, i, 1);
      String att = linear(ctx, transposed(BertWeightNames.attentionOutput(i, "weight"), h, h),
          w.get(BertWeightNames.attentionOutput(i, "bias")).data(), h, h, kinds[1], s[1],
          BertWeightNames.attentionOutput(i, "weight"));
      att = layerNorm(g.node("Add", List.of(att, x)), BertWeightNames.attentionLayerNorm(i, "weight"),
          BertWeightNames.attentionLayerNorm(i, "bias"), eps);
      amax(calibrate, att, i, 2);
      int f = c.intermediate();
      String inter = linear(att, transposed(BertWeightNames.intermediate(i, "weight"), f, h),
          w.get(BertWeightNames.intermediate(i, "bias")).data(), h, f, kinds[2], s[2],
          BertWeightNames.intermediate(i, "weight"));
      inter = gelu(inter);
      amax(calibrate, inter, i, 3);
      String o = linear(inter, transposed(BertWeightNames.output(i, "weight"), h, f),
          w.get(BertWeightNames.output(i, "bias")).data(), f, h, kinds[3], s[3],
          BertWeightNames.output(i, "weight"));
      x = layerNorm(g.node("Add", List.of(o, att)), BertWeightNames.outputLayerNorm(i, "weight"),
          BertWeightNames.outputLayerNorm(i, "bias"), eps);
      output(x, i + 1);
    }
    return g.toModel();
  }

  private void output(String x, int layer) {
    g.nodeOut("", "Identity", List.of(x), List.of("hidden_" + layer));
    g.output("hidden_" + layer, OnnxGraphBuilder.FLOAT, "batch", "seq", (long) c.hidden());
  }

  private void amax(boolean calibrate, String x, int layer, int j) {
    if (!calibrate) {
      return;
    }
    String name = "amax_" + layer + "_" + j;
    g.nodeOut("", "ReduceMax", List.of(g.node("Abs", List.of(x))), List.of(name), Attr.ints("axes", 0, 1),
        Attr.i("keepdims", 0));
    g.output(name, OnnxGraphBuilder.FLOAT, "k");
  }

  private String tensor(String name) {
    Tensor t = w.get(name);
    long[] dims = new long[t.shape().length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.shape()[i];
    }
    return g.floats("w", t.data(), dims);
  }

  private String layerNorm(String x, String weight, String bias, float eps) {
    return g.node("LayerNormalization", List.of(x, tensor(weight), tensor(bias)), Attr.i("axis", -1),
        Attr.f("epsilon", eps));
  }

  private String gelu(String x) {
    boolean tanh = !c.activation().equals("gelu");
    return g.nodeIn(OnnxGraphBuilder.MS_DOMAIN, tanh ? "FastGelu" : "Gelu", List.of(x));
  }

  /** Hugging Face {@code [out, in]} weight as {@code [in, out]} ({@code [K, N]}). */
  private float[] transposed(String name, int out, int in) {
    return transpose(w.get(name).data(), out, in);
  }

  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < cols; q++) {
        t[q * rows + r] = a[r * cols + q];
      }
    }
    return t;
  }

  /** q, k, v as one {@code [H, 3H]} weight (or {@code [3H]} bias), q scaled by {@code 1/sqrt(dh)}. */
  private float[] fusedQkv(int layer, String wb, float qScale) {
    float[] q = w.get(BertWeightNames.query(layer, wb)).data();
    float[] k = w.get(BertWeightNames.key(layer, wb)).data();
    float[] v = w.get(BertWeightNames.value(layer, wb)).data();
    float[] all = new float[q.length * 3];
    for (int j = 0; j < q.length; j++) {
      all[j] = q[j] * qScale;
    }
    System.arraycopy(k, 0, all, q.length, k.length);
    System.arraycopy(v, 0, all, 2 * q.length, v.length);
    if (wb.equals("bias")) {
      return all;
    }
    int h = c.hidden();
    return transpose(all, 3 * h, h);
  }

  /** SmoothQuant's factors from the activation's per-channel max and the weight's rows. */
  private float[] smoothing(float[] actMax, float[] wKn, int k, int n) {
    float[] s = new float[k];
    for (int j = 0; j < k; j++) {
      float wm = 0;
      for (int q = 0; q < n; q++) {
        wm = Math.max(wm, Math.abs(wKn[j * n + q]));
      }
      double v = Math.pow(Math.max(actMax[j], 1e-5), alpha) / Math.pow(Math.max(wm, 1e-5), 1 - alpha);
      s[j] = (float) Math.max(v, 1e-5);
    }
    return s;
  }

  /** {@code x [.., K] · W [K, N] + b}; {@code s} calibrated activation max per channel, or null. */
  private String linear(String x, float[] wKn, float[] bias, int k, int n, Linear kind, float[] s,
      String tensor) {
    if (kind == Linear.FP32) {
      return g.node("Add", List.of(g.node("MatMul", List.of(x, g.floats("w", wKn, k, n))),
          g.floats("b", bias, n)));
    }
    if (s != null) {
      s = smoothing(s, wKn, k, n);
      float[] inv = new float[k];
      for (int j = 0; j < k; j++) {
        inv[j] = 1f / s[j];
      }
      x = g.node("Mul", List.of(x, g.floats("inv_smooth", inv, k)));
      wKn = wKn.clone();
      for (int j = 0; j < k; j++) {
        for (int q = 0; q < n; q++) {
          wKn[j * n + q] *= s[j];
        }
      }
    }
    QuantizedWeights qw;
    try {
      qw = QuantizedWeights.quantize(wKn, k, n);
    } catch (IllegalArgumentException e) {
      throw new dev.x2s.teachers.weights.WeightsException(source, "tensor " + tensor + ": " + e.getMessage());
    }
    // per-token symmetric int8: scale = max|row| / 127 (floored so an all-zero row does not divide by 0)
    String amax = g.node("ReduceMax", List.of(g.node("Abs", List.of(x))), Attr.ints("axes", -1),
        Attr.i("keepdims", 1));
    String scale = g.node("Max", List.of(g.node("Mul", List.of(amax, g.floats("inv127", new float[] {1f / 127}))),
        g.floats("tiny", new float[] {1e-30f})));
    String q = g.node("Cast", List.of(g.node("Round", List.of(g.node("Div", List.of(x, scale))))),
        Attr.i("to", OnnxGraphBuilder.INT8));
    String acc = g.node("MatMulInteger", List.of(q, g.int8s("wq", qw.values(), k, n)));
    String y = g.node("Mul", List.of(g.node("Cast", List.of(acc), Attr.i("to", OnnxGraphBuilder.FLOAT)), scale));
    y = g.node("Mul", List.of(y, g.floats("wscale", qw.scales(), n)));
    return g.node("Add", List.of(y, g.floats("b", bias, n)));
  }
}
