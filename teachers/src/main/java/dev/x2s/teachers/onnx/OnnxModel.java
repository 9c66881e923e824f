package dev.x2s.teachers.onnx;

import java.util.Map;

/**
 * An ONNX {@code ModelProto}, as far as x2s reads it.
 *
 * @param source file (or jar entry) the model was read from
 * @param irVersion ONNX IR version
 * @param opsets operator-set versions by domain ({@code ""} is the default ONNX domain)
 * @param producerName exporter, e.g. {@code pytorch}
 * @param producerVersion exporter version
 * @param graph the main graph
 */
public record OnnxModel(
    String source, long irVersion, Map<String, Long> opsets, String producerName,
    String producerVersion, OnnxGraph graph) {

  /** Version of the default ONNX operator set, or -1 if not declared. */
  public long opset() {
    return opsets.getOrDefault("", opsets.getOrDefault("ai.onnx", -1L));
  }
}
