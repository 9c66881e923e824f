package dev.x2s.teachers.onnx;

import java.util.List;
import java.util.Map;

/**
 * A graph node ({@code NodeProto}).
 *
 * @param name node name (may be empty)
 * @param opType operator, e.g. {@code MatMul}
 * @param domain operator domain (empty for the default ONNX domain)
 * @param inputs input value names in order; an empty string marks an omitted optional input
 * @param outputs output value names in order
 * @param attributes attributes by name
 * @param offset byte offset of the node's field key in the file, for error messages
 */
public record OnnxNode(
    String name, String opType, String domain, List<String> inputs, List<String> outputs,
    Map<String, OnnxAttribute> attributes, int offset) {

  /** Input {@code k}, or {@code ""} when absent. */
  public String input(int k) {
    return k < inputs.size() ? inputs.get(k) : "";
  }

  /** Output {@code k}. */
  public String output(int k) {
    return outputs.get(k);
  }

  /** INT attribute {@code key}, or {@code fallback} when absent. */
  public long intAttribute(String key, long fallback) {
    OnnxAttribute a = attributes.get(key);
    return a == null ? fallback : a.i();
  }

  /** FLOAT attribute {@code key}, or {@code fallback} when absent. */
  public float floatAttribute(String key, float fallback) {
    OnnxAttribute a = attributes.get(key);
    return a == null ? fallback : a.f();
  }

  @Override
  public String toString() {
    return opType + (name.isEmpty() ? "" : " '" + name + "'") + " " + inputs + " -> " + outputs;
  }
}
