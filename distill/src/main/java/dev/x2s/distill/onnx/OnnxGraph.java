package dev.x2s.distill.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX {@code GraphProto}: nodes in file order (topologically sorted, as ONNX requires),
 * initializers by name, inputs and outputs — with producer/consumer indexes for walking the dataflow.
 */
public final class OnnxGraph {
  private final String name;
  private final List<OnnxNode> nodes;
  private final Map<String, OnnxTensorProto> initializers;
  private final List<OnnxValueInfo> inputs;
  private final List<OnnxValueInfo> outputs;
  private final Map<String, OnnxNode> producers = new HashMap<>();
  private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

  public OnnxGraph(
      String name, List<OnnxNode> nodes, Map<String, OnnxTensorProto> initializers,
      List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {
    this.name = name;
    this.nodes = List.copyOf(nodes);
    this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    for (OnnxNode n : this.nodes) {
      for (String out : n.outputs()) {
        if (!out.isEmpty()) {
          producers.put(out, n);
        }
      }
      for (String in : n.inputs()) {
        if (!in.isEmpty()) {
          consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
        }
      }
    }
  }

  public String name() {
    return name;
  }

  public List<OnnxNode> nodes() {
    return nodes;
  }

  public Map<String, OnnxTensorProto> initializers() {
    return initializers;
  }

  public List<OnnxValueInfo> inputs() {
    return inputs;
  }

  public List<OnnxValueInfo> outputs() {
    return outputs;
  }

  /** The node that produces {@code value}, or null for graph inputs, initializers and unknown names. */
  public OnnxNode producer(String value) {
    return producers.get(value);
  }

  /** The nodes that read {@code value}, in graph order (empty if none). */
  public List<OnnxNode> consumers(String value) {
    return consumers.getOrDefault(value, List.of());
  }

  /**
   * The constant tensor behind {@code value}: an initializer, or the {@code value} attribute of a
   * {@code Constant} node; null if {@code value} is computed at run time.
   */
  public OnnxTensorProto constant(String value) {
    OnnxTensorProto t = initializers.get(value);
    if (t != null) {
      return t;
    }
    OnnxNode p = producers.get(value);
    if (p != null && p.opType().equals("Constant") && p.attributes().containsKey("value")) {
      return p.attributes().get("value").t();
    }
    return null;
  }
}
