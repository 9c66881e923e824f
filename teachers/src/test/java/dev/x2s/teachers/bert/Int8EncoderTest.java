package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.Precision;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The int8 encoder (ONNX Runtime, {@link BertOnnxGraph}) against the fp32 one (DJL, {@link BertEncoder}) on
 * a tiny random BERT (width 16, 2 layers, 4 heads, seed 7).
 *
 * <p>Tolerance: each int8 product rounds every activation to a step of {@code max|row|/127} and every
 * weight to {@code max|column|/127}, a relative error of at most {@code 1/254} per factor; summed over
 * {@code K} terms of random sign the output's error is about {@code sqrt(K)/254} of its scale, and the
 * next LayerNorm brings the scale back to 1. With 4 products per block over 2 blocks the states (unit
 * variance per token) may move by a few such steps: we allow 0.05 absolute (≈ 6 steps of 1/127) and
 * require cosine ≥ 0.999 per token. The fp32 graph on the same engine must agree to 1e-4, so the
 * difference is the quantization's, not the graph's.
 */
class Int8EncoderTest {
  static final BertConfig TINY = new BertConfig(30, 16, 2, 4, 32, 16, 2, 1e-12, "gelu");

  private static int[][] ids() {
    return new int[][] {{2, 5, 9, 11, 3, 0, 0, 0}, {2, 7, 7, 29, 14, 21, 8, 3}, {2, 4, 3, 0, 0, 0, 0, 0}};
  }

  private static final int[] LENGTHS = {5, 8, 3};

  private static float[][][] calibration(Map<String, Tensor> w) {
    List<List<String>> text = new ArrayList<>();
    text.add(List.of("a", "b", "c"));
    text.add(List.of("c", "d", "e", "f", "g"));
    return BertEncoders.calibrate(TINY, w, "tiny", 1, tokenizer(), text);
  }

  private static WordPieceTokenizer tokenizer() {
    List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    for (char ch = 'a'; vocab.size() < 30; ch++) {
      vocab.add(String.valueOf(ch));
    }
    return new WordPieceTokenizer(vocab, true);
  }

  @Test
  void int8AgreesWithFp32WithinTheQuantizationTolerance() {
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(TINY, 7);
    byte[] fp32Graph = BertOnnxGraph.build(TINY, w, BertOnnxGraph.all(TINY, BertOnnxGraph.Linear.FP32), null, 0,
        false, "tiny");
    byte[] int8Graph = BertOnnxGraph.build(TINY, w, BertOnnxGraph.all(TINY, BertOnnxGraph.Linear.INT8),
        calibration(w), BertEncoders.ALPHA, false, "tiny");
    try (BertEncoder ref = new BertEncoder(TINY, w, "tiny");
        OrtBertEncoder f32 = new OrtBertEncoder(TINY, fp32Graph, 1, "tiny");
        OrtBertEncoder i8 = new OrtBertEncoder(TINY, int8Graph, 1, "tiny")) {
      HiddenStates r = ref.forward(ids(), LENGTHS, 2);
      HiddenStates a = f32.forward(ids(), LENGTHS, 2);
      HiddenStates q = i8.forward(ids(), LENGTHS, 2);
      double graphDiff = 0;
      double quantDiff = 0;
      double minCos = 1;
      for (int l = 0; l <= 2; l++) {
        for (int b = 0; b < LENGTHS.length; b++) {
          for (int p = 0; p < LENGTHS[b]; p++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int k = 0; k < 16; k++) {
              float x = r.get(b, l, p, k);
              graphDiff = Math.max(graphDiff, Math.abs(x - a.get(b, l, p, k)));
              quantDiff = Math.max(quantDiff, Math.abs(x - q.get(b, l, p, k)));
              ab += x * q.get(b, l, p, k);
              aa += x * x;
              bb += q.get(b, l, p, k) * q.get(b, l, p, k);
            }
            minCos = Math.min(minCos, ab / Math.sqrt(aa * bb));
          }
        }
      }
      assertTrue(graphDiff < 1e-4, "fp32 graph vs DJL: " + graphDiff);
      assertTrue(quantDiff < 0.05, "int8 vs fp32: " + quantDiff);
      assertTrue(quantDiff > 1e-5, "int8 should differ from fp32 at all: " + quantDiff);
      assertTrue(minCos > 0.999, "min cosine " + minCos);
      assertEquals(Precision.INT8, i8.precision());
    }
  }

  @Test
  void corruptedWeightIsNamed() {
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(TINY, 7);
    float[][][] cal = calibration(w);
    String name = "encoder.layer.1.output.dense.weight";
    Tensor t = w.get(name);
    float[] bad = t.data().clone();
    bad[5] = Float.NaN;
    w.put(name, new Tensor(name, t.shape(), bad));
    WeightsException e = assertThrows(WeightsException.class, () -> BertOnnxGraph.build(TINY, w,
        BertOnnxGraph.all(TINY, BertOnnxGraph.Linear.INT8), cal, 0.5, false, "tiny.safetensors"));
    assertTrue(e.getMessage().startsWith("tiny.safetensors: tensor " + name + ": column "), e.getMessage());
    assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
  }

  @Test
  void mismatchedWeightOrCalibrationIsNamed() {
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(TINY, 7);
    float[][][] cal = calibration(w);
    cal[1][3] = new float[16];
    WeightsException e = assertThrows(WeightsException.class, () -> BertOnnxGraph.build(TINY, w,
        BertOnnxGraph.all(TINY, BertOnnxGraph.Linear.INT8), cal, 0.5, false, "tiny"));
    assertEquals("tiny: calibration of layer 1 linear 3 has 16 channels, expected 32", e.getMessage());
    String name = "encoder.layer.0.intermediate.dense.weight";
    w.put(name, new Tensor(name, new int[] {16, 16}, new float[256]));
    WeightsException shape = assertThrows(WeightsException.class, () -> BertOnnxGraph.build(TINY, w,
        BertOnnxGraph.all(TINY, BertOnnxGraph.Linear.INT8), null, 0.5, false, "tiny"));
    assertEquals("tiny: tensor " + name + " has shape [16, 16], expected [32, 16]", shape.getMessage());
  }

  @Test
  void quantizedWeightsRoundTripAndRefuseCorruption() {
    Random rnd = new Random(3);
    float[] w = new float[6 * 4];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    QuantizedWeights q = QuantizedWeights.quantize(w, 6, 4);
    for (int i = 0; i < w.length; i++) {
      // half a step of the column's scale at most
      assertTrue(Math.abs(q.values()[i] * q.scales()[i % 4] - w[i]) <= q.scales()[i % 4] / 2 + 1e-6);
    }
    byte[] v = q.values().clone();
    v[7] = Byte.MIN_VALUE;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new QuantizedWeights(v, q.scales(), 6, 4));
    assertEquals("quantized weight: value -128 at row 1 column 3 (symmetric int8 uses -127..127)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new QuantizedWeights(q.values(), new float[3], 6, 4));
    float[] s = q.scales().clone();
    s[2] = Float.NaN;
    assertThrows(IllegalArgumentException.class, () -> new QuantizedWeights(q.values(), s, 6, 4));
  }

  @Test
  void bf16FallsBackToFp32() {
    // bf16 is not offered yet (see BertEncoders): the encoder reports what it runs, so cache keys record fp32
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(TINY, 7);
    try (BertForward f = BertEncoders.open(TINY, w, "tiny", Precision.BF16, 1, tokenizer())) {
      assertEquals(Precision.FP32, f.precision());
    }
  }
}
