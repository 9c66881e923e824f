package dev.x2s.teachers.graph;

import dev.x2s.teachers.proto.ProtoWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (opset 17 plus Microsoft's {@code com.microsoft} domain) in memory and writes it
 * as ONNX protobuf bytes, for ONNX Runtime to run. x2s writes the graphs of the encoders it already reads
 * weights for (e.g. an int8 BERT), so no model export tool is needed at run time.
 *
 * <p>Names are generated ({@code prefix_N}) unless given; {@link #node} returns its (first) output's name,
 * so a graph reads as a chain of calls.
 */
public final class OnnxGraphBuilder {
  /** ONNX {@code TensorProto.DataType} codes used here. */
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int FLOAT16 = 10;
  public static final int BFLOAT16 = 16;

  /** The standard domain's opset the graphs are written against. */
  public static final int OPSET = 17;
  public static final String MS_DOMAIN = "com.microsoft";

  private final String name;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();
  private long initializerBytes;

  public OnnxGraphBuilder(String name) {
    this.name = name;
  }

  /** A node attribute (see the static factories). */
  public record Attr(ProtoWriter proto) {
    public static Attr i(String name, long v) {
      return new Attr(new ProtoWriter().string(1, name).varint(3, v).varint(20, 2));
    }

    public static Attr f(String name, float v) {
      return new Attr(new ProtoWriter().string(1, name).float32(2, v).varint(20, 1));
    }

    public static Attr ints(String name, long... v) {
      ProtoWriter p = new ProtoWriter().string(1, name);
      for (long x : v) {
        p.varint(8, x);
      }
      return new Attr(p.varint(20, 7));
    }

    public static Attr s(String name, String v) {
      return new Attr(new ProtoWriter().string(1, name).string(4, v).varint(20, 3));
    }
  }

  /** A fresh value name {@code prefix_N}. */
  public String fresh(String prefix) {
    int n = counters.merge(prefix, 1, Integer::sum);
    return prefix + "_" + n;
  }

  /** A graph input; a dimension is a {@code Long} (fixed) or a {@code String} (symbolic). */
  public String input(String valueName, int elemType, Object... dims) {
    inputs.add(valueInfo(valueName, elemType, dims));
    return valueName;
  }

  /** Declares {@code valueName} (produced by some node) a graph output. */
  public void output(String valueName, int elemType, Object... dims) {
    outputs.add(valueInfo(valueName, elemType, dims));
  }

  /** A standard-domain node with one output. */
  public String node(String opType, List<String> in, Attr... attrs) {
    return nodeIn("", opType, in, attrs);
  }

  /** A node of {@code domain} ("" for the standard one) with one output. */
  public String nodeIn(String domain, String opType, List<String> in, Attr... attrs) {
    String out = fresh(opType.toLowerCase(java.util.Locale.ROOT));
    nodeOut(domain, opType, in, List.of(out), attrs);
    return out;
  }

  /** A node with named outputs ("" skips an optional input or output). */
  public void nodeOut(String domain, String opType, List<String> in, List<String> out, Attr... attrs) {
    ProtoWriter n = new ProtoWriter();
    for (String s : in) {
      n.string(1, s);
    }
    for (String s : out) {
      n.string(2, s);
    }
    n.string(3, fresh("n_" + opType));
    n.string(4, opType);
    for (Attr a : attrs) {
      n.message(5, a.proto());
    }
    if (!domain.isEmpty()) {
      n.string(7, domain);
    }
    nodes.add(n);
  }

  /** A float32 initializer. */
  public String floats(String prefix, float[] data, long... dims) {
    checkSize(data.length, dims);
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    return raw(prefix, FLOAT, b.array(), dims);
  }

  /** An int8 initializer. */
  public String int8s(String prefix, byte[] data, long... dims) {
    checkSize(data.length, dims);
    return raw(prefix, INT8, data, dims);
  }

  /** A uint8 initializer (bytes taken as unsigned). */
  public String uint8s(String prefix, byte[] data, long... dims) {
    checkSize(data.length, dims);
    return raw(prefix, UINT8, data, dims);
  }

  /** An int64 initializer. */
  public String int64s(String prefix, long[] data, long... dims) {
    checkSize(data.length, dims);
    ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(data);
    return raw(prefix, INT64, b.array(), dims);
  }

  /** An initializer of any type from little-endian bytes. */
  public String raw(String prefix, int elemType, byte[] littleEndian, long... dims) {
    String n = fresh(prefix);
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, elemType).string(8, n).bytes(9, littleEndian);
    initializers.add(t);
    initializerBytes += littleEndian.length;
    return n;
  }

  /** Bytes of initializer payload so far. */
  public long initializerBytes() {
    return initializerBytes;
  }

  private static void checkSize(int n, long[] dims) {
    long p = 1;
    for (long d : dims) {
      p *= d;
    }
    if (p != n) {
      throw new IllegalArgumentException(n + " values for shape " + java.util.Arrays.toString(dims));
    }
  }

  private static ProtoWriter valueInfo(String valueName, int elemType, Object... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : dims) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof String s) {
        dim.string(2, s);
      } else {
        dim.varint(1, ((Number) d).longValue());
      }
      shape.message(1, dim);
    }
    ProtoWriter tensor = new ProtoWriter().varint(1, elemType).message(2, shape);
    ProtoWriter type = new ProtoWriter().message(1, tensor);
    return new ProtoWriter().string(1, valueName).message(2, type);
  }

  /** The model: IR version 8, opsets 17 (standard) and 1 ({@code com.microsoft}). */
  public byte[] toModel() {
    ProtoWriter g = new ProtoWriter();
    for (ProtoWriter n : nodes) {
      g.message(1, n);
    }
    g.string(2, name);
    for (ProtoWriter t : initializers) {
      g.message(5, t);
    }
    for (ProtoWriter i : inputs) {
      g.message(11, i);
    }
    for (ProtoWriter o : outputs) {
      g.message(12, o);
    }
    ProtoWriter m = new ProtoWriter().varint(1, 8).string(2, "x2s");
    m.message(7, g);
    m.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
    m.message(8, new ProtoWriter().string(1, MS_DOMAIN).varint(2, 1));
    return m.toByteArray();
  }
}
