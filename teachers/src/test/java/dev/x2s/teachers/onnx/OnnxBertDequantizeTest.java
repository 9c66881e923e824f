package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.testkit.Tags;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Weights stored as int8/uint8 behind DequantizeLinear (static weight quantization, as onnxruntime's
 * quantizer writes it). The langchain4j models are float32, so two MiniLM kernels are quantized here by
 * hand — one per tensor (int8, zero point 0), one per output channel (uint8, zero point 128) — and the
 * mapped values must be exactly {@code (q - zeroPoint) * scale}, in [out, in] layout.
 */
@Tag(Tags.MODEL)
class OnnxBertDequantizeTest {

  @Test
  void perTensorAndPerChannelWeightsAreDequantized() {
    OnnxModel m = TestModels.model(TestModels.MINILM);
    OnnxBertWeights plain = TestModels.weights(TestModels.MINILM);
    String qName = plain.origins().get("encoder.layer.0.attention.self.query.weight");
    String kName = plain.origins().get("encoder.layer.3.attention.self.key.weight");
    float[] q = m.graph().initializers().get(qName).floats(); // [in 384, out 384]
    float[] k = m.graph().initializers().get(kName).floats();

    Map<String, OnnxTensorProto> inits = new LinkedHashMap<>(m.graph().initializers());
    inits.remove(qName);
    inits.remove(kName);
    List<OnnxNode> nodes = new ArrayList<>();

    // Per tensor, int8, zero point 0.
    float qScale = absMax(q, 0, 1, q.length) / 127;
    byte[] qq = new byte[q.length];
    float[] qExpected = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      qq[i] = (byte) Math.round(q[i] / qScale);
      qExpected[i] = qq[i] * qScale;
    }
    inits.put("q_int8", tensor("q_int8", OnnxTensorProto.INT8, new long[] {384, 384}, qq));
    inits.put("q_scale", floats("q_scale", new long[] {}, qScale));
    inits.put("q_zero", tensor("q_zero", OnnxTensorProto.INT8, new long[] {}, new byte[1]));
    nodes.add(new OnnxNode("dq_q", "DequantizeLinear", "", List.of("q_int8", "q_scale", "q_zero"),
        List.of(qName), Map.of(), 0));

    // Per output channel (axis 1 of the [in, out] kernel), uint8, zero point 128.
    float[] kScale = new float[384];
    byte[] kq = new byte[k.length];
    float[] kExpected = new float[k.length];
    for (int o = 0; o < 384; o++) {
      kScale[o] = absMax(k, o, 384, k.length) / 127;
    }
    for (int i = 0; i < k.length; i++) {
      int o = i % 384;
      int u = Math.round(k[i] / kScale[o]) + 128;
      kq[i] = (byte) u;
      kExpected[i] = (u - 128) * kScale[o];
    }
    byte[] zero = new byte[384];
    Arrays.fill(zero, (byte) 128);
    inits.put("k_uint8", tensor("k_uint8", OnnxTensorProto.UINT8, new long[] {384, 384}, kq));
    inits.put("k_scale", floats("k_scale", new long[] {384}, kScale));
    inits.put("k_zero", tensor("k_zero", OnnxTensorProto.UINT8, new long[] {384}, zero));
    nodes.add(new OnnxNode("dq_k", "DequantizeLinear", "", List.of("k_uint8", "k_scale", "k_zero"),
        List.of(kName), Map.of("axis", new OnnxAttribute("axis", 2, 0, 1, null, null, new float[0],
            new long[0])), 0));
    nodes.addAll(m.graph().nodes());

    OnnxBertWeights w = OnnxBertWeights.from(new OnnxModel("quantized.onnx", m.irVersion(),
        m.opsets(), m.producerName(), m.producerVersion(), new OnnxGraph("quantized.onnx", m.graph().name(), nodes,
            inits, m.graph().inputs(), m.graph().outputs())));

    assertEquals("q_int8 (dequantized)", w.origins().get("encoder.layer.0.attention.self.query.weight"));
    assertArrayEquals(transposed(qExpected), w.tensors().get("encoder.layer.0.attention.self.query.weight").data());
    assertArrayEquals(transposed(kExpected), w.tensors().get("encoder.layer.3.attention.self.key.weight").data());
    // Quantization moved the values by at most half a step; everything else is untouched.
    Tensor original = plain.tensors().get("encoder.layer.0.attention.self.query.weight");
    float[] got = w.tensors().get("encoder.layer.0.attention.self.query.weight").data();
    for (int i = 0; i < got.length; i++) {
      assertTrue(Math.abs(got[i] - original.data()[i]) <= qScale / 2 + 1e-7);
    }
    assertArrayEquals(plain.tensors().get("encoder.layer.0.attention.self.key.weight").data(),
        w.tensors().get("encoder.layer.0.attention.self.key.weight").data());
  }

  private static float absMax(float[] a, int start, int step, int end) {
    float m = 0;
    for (int i = start; i < end; i += step) {
      m = Math.max(m, Math.abs(a[i]));
    }
    return m;
  }

  private static float[] transposed(float[] inOut) {
    return new Tensor("t", new int[] {384, 384}, inOut).transposed("t").data();
  }

  private static OnnxTensorProto tensor(String name, int type, long[] dims, byte[] raw) {
    return new OnnxTensorProto(name, dims, type, ByteBuffer.wrap(raw), null, null, "quantized.onnx", 0);
  }

  private static OnnxTensorProto floats(String name, long[] dims, float... values) {
    return new OnnxTensorProto(name, dims, OnnxTensorProto.FLOAT, null, values, null, "quantized.onnx", 0);
  }
}
