package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertWeightNames;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.testkit.Tags;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mapping langchain4j's ONNX exports of all-MiniLM-L6-v2 and BGE-small-en v1.5 to HF BERT names. The
 * numerical check against ONNX Runtime is {@link OnnxBertReferenceTest}; here: structure, names, layout.
 */
@Tag(Tags.MODEL)
class OnnxBertWeightsTest {

  /**
   * The models' Hugging Face {@code config.json} values (sentence-transformers/all-MiniLM-L6-v2 and
   * BAAI/bge-small-en-v1.5 model cards): hidden 384, 12 heads, intermediate 1536, 512 positions,
   * 2 token types, eps 1e-12, hidden_act gelu, vocab 30522; 6 and 12 layers.
   */
  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void configIsReadFromTheGraph(String id) {
    int layers = id.equals(TestModels.MINILM) ? 6 : 12;
    assertEquals(new BertConfig(30522, 384, layers, 12, 1536, 512, 2, 1e-12, "gelu"),
        TestModels.weights(id).config());
  }

  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void everyEncoderTensorIsMappedWithItsShape(String id) {
    OnnxBertWeights w = TestModels.weights(id);
    Set<String> expected = new LinkedHashSet<>();
    for (BertWeightNames.Expected e : BertWeightNames.expected(w.config())) {
      Tensor t = w.tensors().get(e.name());
      assertNotNull(t, e.name());
      assertArrayEquals(e.shape(), t.shape(), e.name());
      expected.add(e.name());
    }
    assertEquals(expected, w.tensors().keySet());
  }

  /**
   * The matcher ignores names; the exporter (torch.onnx) named each MatMul node after the module that
   * made it ({@code /encoder/layer.3/attention/self/key/MatMul}) while naming the weight itself
   * {@code onnx::MatMul_899}. So the node names are an independent check of which weight is which.
   */
  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void anonymousWeightsLandUnderTheNamesTheExporterGaveTheirNodes(String id) {
    OnnxBertWeights w = TestModels.weights(id);
    OnnxGraph g = TestModels.model(id).graph();
    Pattern linear = Pattern.compile("encoder\\.layer\\.(\\d+)\\.(.+)\\.weight");
    int checked = 0;
    for (Map.Entry<String, String> e : w.origins().entrySet()) {
      String hf = e.getKey();
      Matcher m = linear.matcher(hf);
      if (m.matches() && !hf.contains("LayerNorm")) {
        String node = "/encoder/layer." + m.group(1) + "/" + m.group(2).replace('.', '/') + "/MatMul";
        assertTrue(e.getValue().startsWith("onnx::MatMul_"), e.getValue());
        assertEquals(node, g.consumers(e.getValue()).get(0).name(), hf);
        checked++;
      } else {
        assertEquals(hf, e.getValue(), "exporter kept the parameter name");
      }
    }
    assertEquals(6 * w.config().layers(), checked);
  }

  @Test
  void matMulKernelsAreTransposedToOutIn() {
    OnnxBertWeights w = TestModels.weights(TestModels.MINILM);
    String hf = "encoder.layer.0.intermediate.dense.weight";
    float[] onnx = TestModels.model(TestModels.MINILM).graph().initializers()
        .get(w.origins().get(hf)).floats(); // [in 384, out 1536]
    Tensor t = w.tensors().get(hf); // [out 1536, in 384]
    for (int[] oi : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1535, 383}, {700, 17}}) {
      assertEquals(onnx[oi[1] * 1536 + oi[0]], t.data()[oi[0] * 384 + oi[1]], hf + " " + oi[0] + "," + oi[1]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void theLastHiddenStateIsTheGraphsFirstOutput(String id) {
    OnnxBertWeights w = TestModels.weights(id);
    assertEquals(w.config().layers() + 1, w.hiddenStates().size());
    assertEquals(TestModels.model(id).graph().outputs().get(0).name(),
        w.hiddenStates().get(w.config().layers()));
  }

  /**
   * ONNX Runtime's extended graph optimizations rewrite the export into fused LayerNormalization,
   * BiasGelu and FusedMatMul (scale folded into alpha) nodes; the mapping must find the same tensors.
   */
  @Test
  void anOrtOptimizedGraphMapsToTheSameWeights(@TempDir Path dir) throws Exception {
    Path optimized = dir.resolve("optimized.onnx");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
      so.setOptimizedModelFilePath(optimized.toString());
      env.createSession(TestModels.onnxBytes(TestModels.MINILM), so).close();
    }
    OnnxModel model = OnnxModelReader.read(optimized);
    Set<String> ops = new LinkedHashSet<>();
    model.graph().nodes().forEach(n -> ops.add(n.opType()));
    assertTrue(ops.containsAll(Set.of("LayerNormalization", "BiasGelu", "FusedMatMul")), ops.toString());
    assertTrue(!ops.contains("Erf") && !ops.contains("ReduceMean"), ops.toString());

    OnnxBertWeights fused = OnnxBertWeights.from(model);
    OnnxBertWeights plain = TestModels.weights(TestModels.MINILM);
    assertEquals(plain.config(), fused.config());
    assertEquals(plain.tensors().keySet(), fused.tensors().keySet());
    for (String name : plain.tensors().keySet()) {
      assertArrayEquals(plain.tensors().get(name).data(), fused.tensors().get(name).data(), name);
    }
  }
}
