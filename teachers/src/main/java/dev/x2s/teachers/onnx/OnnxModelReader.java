package dev.x2s.teachers.onnx;

import dev.x2s.teachers.proto.ProtoReader;
import dev.x2s.teachers.proto.ProtoReader.FloatList;
import dev.x2s.teachers.proto.ProtoReader.LongList;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX model file ({@code ModelProto}) with a small protobuf wire-format decoder.
 *
 * <p>Why hand-written: x2s needs about thirty fields of nine messages (Model, OperatorSetId, Graph,
 * Node, Attribute, Tensor, ValueInfo, Type, TensorShape), byte offsets in every error, and zero-copy
 * access to {@code raw_data} of a memory-mapped file; protobuf-java without generated ONNX classes would
 * still mean decoding each field by hand (and add a dependency), while generated classes would add the
 * ONNX schema to the build and copy every payload. Unknown fields are skipped, so newer IR versions
 * read fine. External data ({@code data_location = EXTERNAL}) and
 * sub-graphs are not supported (BERT exports below 2 GB use neither).
 */
public final class OnnxModelReader {
  private OnnxModelReader() {}

  /** Reads a model file; the file is memory-mapped and weights stay in the mapping until decoded. */
  public static OnnxModel read(Path file) {
    String source = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new WeightsException(source, "file is " + size + " bytes; ONNX protobufs are limited to 2 GB");
      }
      return read(source, ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
    } catch (IOException e) {
      throw new WeightsException(source, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model from bytes.
   *
   * @param source name used in error messages (file or jar entry)
   */
  public static OnnxModel read(String source, ByteBuffer bytes) {
    ProtoReader r = new ProtoReader(source, bytes);
    long ir = 0;
    String producer = "";
    String producerVersion = "";
    Map<String, Long> opsets = new LinkedHashMap<>();
    OnnxGraph graph = null;
    while (r.hasMore()) {
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> ir = r.readVarint();
        case 2 -> producer = r.readString();
        case 3 -> producerVersion = r.readString();
        case 7 -> graph = readGraph(r.readMessage(), source);
        case 8 -> {
          ProtoReader op = r.readMessage();
          String domain = "";
          long version = 0;
          while (op.hasMore()) {
            int k = op.readKey();
            switch (k >>> 3) {
              case 1 -> domain = op.readString();
              case 2 -> version = op.readVarint();
              default -> op.skip(k);
            }
          }
          opsets.put(domain, version);
        }
        default -> r.skip(key);
      }
    }
    if (graph == null) {
      throw new WeightsException(source, "byte offset " + r.offset() + ": no graph in the model"
          + " (not an ONNX ModelProto?)");
    }
    return new OnnxModel(source, ir, opsets, producer, producerVersion, graph);
  }

  private static OnnxGraph readGraph(ProtoReader r, String source) {
    String name = "";
    List<OnnxNode> nodes = new ArrayList<>();
    Map<String, OnnxTensorProto> inits = new LinkedHashMap<>();
    List<OnnxValueInfo> inputs = new ArrayList<>();
    List<OnnxValueInfo> outputs = new ArrayList<>();
    while (r.hasMore()) {
      int at = r.offset();
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> nodes.add(readNode(r.readMessage(), at));
        case 2 -> name = r.readString();
        case 5 -> {
          OnnxTensorProto t = readTensor(r.readMessage(), at);
          if (inits.put(t.name(), t) != null) {
            throw r.error(at, "duplicate initializer '" + t.name() + "'");
          }
        }
        case 11 -> inputs.add(readValueInfo(r.readMessage()));
        case 12 -> outputs.add(readValueInfo(r.readMessage()));
        default -> r.skip(key);
      }
    }
    return new OnnxGraph(source, name, nodes, inits, inputs, outputs);
  }

  /** Reads a NodeProto; {@code at} is the offset of its field key, for messages. */
  private static OnnxNode readNode(ProtoReader r, int at) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String name = "";
    String op = "";
    String domain = "";
    Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
    while (r.hasMore()) {
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> in.add(r.readString());
        case 2 -> out.add(r.readString());
        case 3 -> name = r.readString();
        case 4 -> op = r.readString();
        case 5 -> {
          OnnxAttribute a = readAttribute(r.readMessage());
          attrs.put(a.name(), a);
        }
        case 7 -> domain = r.readString();
        default -> r.skip(key);
      }
    }
    if (op.isEmpty()) {
      throw r.error(at, "node '" + name + "' has no op_type");
    }
    return new OnnxNode(name, op, domain, List.copyOf(in), List.copyOf(out), attrs, at);
  }

  private static OnnxAttribute readAttribute(ProtoReader r) {
    String name = "";
    int type = 0;
    float f = 0;
    long i = 0;
    String s = null;
    OnnxTensorProto t = null;
    FloatList floats = new FloatList();
    LongList ints = new LongList();
    while (r.hasMore()) {
      int at = r.offset();
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> name = r.readString();
        case 2 -> {
          r.expectWire(key, ProtoReader.FIXED32);
          f = r.readFloat();
        }
        case 3 -> i = r.readVarint();
        case 4 -> s = r.readString();
        case 5 -> t = readTensor(r.readMessage(), at);
        case 7 -> r.readFloats(key, floats);
        case 8 -> r.readVarints(key, ints);
        case 20 -> type = r.readInt32();
        default -> r.skip(key);
      }
    }
    return new OnnxAttribute(name, type, f, i, s, t, floats.toArray(), ints.toArray());
  }

  /** Reads a TensorProto; {@code at} is the offset of its field key, for messages. */
  static OnnxTensorProto readTensor(ProtoReader r, int at) {
    LongList dims = new LongList();
    int dataType = 0;
    String name = "";
    ByteBuffer raw = null;
    FloatList floats = null;
    LongList ints = null;
    boolean external = false;
    while (r.hasMore()) {
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> r.readVarints(key, dims);
        case 2 -> dataType = r.readInt32();
        case 4 -> r.readFloats(key, floats = floats == null ? new FloatList() : floats);
        case 5, 7 -> r.readVarints(key, ints = ints == null ? new LongList() : ints);
        case 8 -> name = r.readString();
        case 9 -> raw = r.readBytes();
        case 10 -> r.readDoubles(key, floats = floats == null ? new FloatList() : floats);
        case 13 -> {
          external = true;
          r.skip(key);
        }
        case 14 -> external |= r.readVarint() == 1;
        default -> r.skip(key);
      }
    }
    if (external) {
      throw r.error(at, "tensor '" + name + "' uses external data, which is not supported");
    }
    return new OnnxTensorProto(name, dims.toArray(), dataType, raw,
        floats == null ? null : floats.toArray(), ints == null ? null : ints.toArray(),
        r.source(), at);
  }

  private static OnnxValueInfo readValueInfo(ProtoReader r) {
    String name = "";
    int elemType = 0;
    List<String> dims = new ArrayList<>();
    while (r.hasMore()) {
      int key = r.readKey();
      switch (key >>> 3) {
        case 1 -> name = r.readString();
        case 2 -> {
          ProtoReader type = r.readMessage();
          while (type.hasMore()) {
            int k = type.readKey();
            if (k >>> 3 != 1) { // tensor_type; sequences and maps are not needed
              type.skip(k);
              continue;
            }
            ProtoReader tensor = type.readMessage();
            while (tensor.hasMore()) {
              int tk = tensor.readKey();
              switch (tk >>> 3) {
                case 1 -> elemType = tensor.readInt32();
                case 2 -> readShape(tensor.readMessage(), dims);
                default -> tensor.skip(tk);
              }
            }
          }
        }
        default -> r.skip(key);
      }
    }
    return new OnnxValueInfo(name, elemType, List.copyOf(dims));
  }

  private static void readShape(ProtoReader shape, List<String> dims) {
    while (shape.hasMore()) {
      int k = shape.readKey();
      if (k >>> 3 != 1) {
        shape.skip(k);
        continue;
      }
      ProtoReader dim = shape.readMessage();
      String d = "?";
      while (dim.hasMore()) {
        int dk = dim.readKey();
        switch (dk >>> 3) {
          case 1 -> d = Long.toString(dim.readVarint());
          case 2 -> d = dim.readString();
          default -> dim.skip(dk);
        }
      }
      dims.add(d);
    }
  }
}
