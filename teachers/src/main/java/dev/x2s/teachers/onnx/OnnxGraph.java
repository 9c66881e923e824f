package dev.x2s.teachers.onnx;

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
  private final String source;
  private final String name;
  private final List<OnnxNode> nodes;
  private final Map<String, OnnxTensorProto> initializers;
  private final List<OnnxValueInfo> inputs;
  private final List<OnnxValueInfo> outputs;
  private final Map<String, OnnxNode> producers = new HashMap<>();
  private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

  /**
   * @param source the file the graph was read from, for error messages
   * @param name graph name
   * @param nodes nodes in topological order
   * @param initializers constant tensors by name
   * @param inputs graph inputs
   * @param outputs graph outputs
   */
  public OnnxGraph(
      String source, String name, List<OnnxNode> nodes, Map<String, OnnxTensorProto> initializers,
      List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {
    this.source = source;
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

  /** The file the graph was read from. */
  public String source() {
    return source;
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
   * The constant tensor behind {@code value}: an initializer, or a {@code Constant} node's
   * {@code value} (or, opset 12+, {@code value_float(s)}/{@code value_int(s)}); null if {@code value}
   * is computed at run time.
   */
  public OnnxTensorProto constant(String value) {
    OnnxTensorProto t = initializers.get(value);
    if (t != null) {
      return t;
    }
    OnnxNode p = producers.get(value);
    if (p == null || !p.opType().equals("Constant")) {
      return null;
    }
    Map<String, OnnxAttribute> a = p.attributes();
    String src = source;
    if (a.containsKey("value")) {
      return a.get("value").t();
    } else if (a.containsKey("value_float")) {
      return new OnnxTensorProto(value, new long[0], OnnxTensorProto.FLOAT, null,
          new float[] {a.get("value_float").f()}, null, src, p.offset());
    } else if (a.containsKey("value_floats")) {
      float[] f = a.get("value_floats").floats();
      return new OnnxTensorProto(value, new long[] {f.length}, OnnxTensorProto.FLOAT, null, f, null,
          src, p.offset());
    } else if (a.containsKey("value_int")) {
      return new OnnxTensorProto(value, new long[0], OnnxTensorProto.INT64, null, null,
          new long[] {a.get("value_int").i()}, src, p.offset());
    } else if (a.containsKey("value_ints")) {
      long[] l = a.get("value_ints").ints();
      return new OnnxTensorProto(value, new long[] {l.length}, OnnxTensorProto.INT64, null, null, l,
          src, p.offset());
    }
    return null;
  }
}
