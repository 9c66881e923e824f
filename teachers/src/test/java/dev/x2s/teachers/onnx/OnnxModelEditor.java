package dev.x2s.teachers.onnx;

import dev.x2s.teachers.proto.ProtoReader;
import java.nio.ByteBuffer;
import java.util.List;

/** Test helper: rewrites a serialized ModelProto so intermediate values become graph outputs. */
final class OnnxModelEditor {
  private OnnxModelEditor() {}

  /**
   * The model with {@code names} appended to the graph's outputs (as FLOAT tensors of unspecified
   * shape); every other byte is copied as is.
   */
  static byte[] withExtraOutputs(byte[] model, List<String> names) {
    ProtoReader r = new ProtoReader("model", ByteBuffer.wrap(model));
    ProtoWriter out = new ProtoWriter();
    while (r.hasMore()) {
      int start = r.offset();
      int key = r.readKey();
      if (key >>> 3 != 7) {
        r.skip(key);
        out.raw(model, start, r.offset() - start);
        continue;
      }
      ByteBuffer graph = r.readBytes();
      byte[] g = new byte[graph.remaining()];
      graph.get(g);
      ProtoWriter newGraph = new ProtoWriter().raw(g, 0, g.length);
      for (String name : names) {
        // ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1: FLOAT}}}
        newGraph.message(12, new ProtoWriter().string(1, name).message(2, new ProtoWriter()
            .message(1, new ProtoWriter().varint(1, OnnxTensorProto.FLOAT))));
      }
      out.message(7, newGraph);
    }
    return out.toByteArray();
  }
}
