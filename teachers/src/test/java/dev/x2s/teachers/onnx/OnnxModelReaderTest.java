package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.testkit.Tags;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protobuf decoder on hand-built ONNX models (field numbers from onnx/onnx.proto3), and its errors
 * on truncated or foreign input.
 */
class OnnxModelReaderTest {

  /** ir 8, opset 17, a MatMul + Add + Gemm graph with three initializers in three encodings. */
  static byte[] syntheticModel() {
    ProtoWriter w = new ProtoWriter() // TensorProto: dims 1, data_type 2, name 8, raw_data 9
        .packedVarints(1, 4, 2).varint(2, 1).string(8, "W")
        .bytes(9, ProtoWriter.floatsLe(1, 2, 3, 4, 5, 6, 7, 8));
    ProtoWriter b = new ProtoWriter() // float_data 4 (packed), unpacked dims
        .varint(1, 2).varint(2, 1).string(8, "b").packedFloats(4, 0.5f, -0.25f);
    ProtoWriter shape = new ProtoWriter() // int64_data 7, negative value as a 10-byte varint
        .varint(1, 2).varint(2, 7).string(8, "shape").packedVarints(7, 1, -1);
    ProtoWriter mm = new ProtoWriter().string(1, "x").string(1, "W").string(2, "y")
        .string(3, "mm").string(4, "MatMul");
    ProtoWriter add = new ProtoWriter().string(1, "y").string(1, "b").string(2, "z")
        .string(4, "Add");
    ProtoWriter gemm = new ProtoWriter().string(1, "z").string(1, "").string(2, "g")
        .string(3, "gemm").string(4, "Gemm").string(7, "com.example")
        .message(5, new ProtoWriter().string(1, "alpha").fixed32(2, 0.5f).varint(20, 1))
        .message(5, new ProtoWriter().string(1, "transB").varint(3, 1).varint(20, 2))
        .message(5, new ProtoWriter().string(1, "perm").packedVarints(8, 0, 2, 1).varint(20, 7))
        .message(5, new ProtoWriter().string(1, "mode").string(4, "tanh").varint(20, 3))
        .message(5, new ProtoWriter().string(1, "value").message(5, new ProtoWriter()
            .varint(2, 1).packedFloats(4, 9f)).varint(20, 4));
    ProtoWriter input = new ProtoWriter().string(1, "x").message(2, new ProtoWriter()
        .message(1, new ProtoWriter().varint(1, 1).message(2, new ProtoWriter()
            .message(1, new ProtoWriter().string(2, "batch"))
            .message(1, new ProtoWriter().varint(1, 4)))));
    ProtoWriter output = new ProtoWriter().string(1, "g").message(2, new ProtoWriter()
        .message(1, new ProtoWriter().varint(1, 1)));
    ProtoWriter graph = new ProtoWriter().message(1, mm).message(1, add).message(1, gemm)
        .string(2, "tiny").message(5, w).message(5, b).message(5, shape)
        .message(11, input).message(12, output).string(10, "unknown-to-x2s doc string");
    return new ProtoWriter().varint(1, 8).string(2, "x2s-test").string(3, "1.0")
        .message(8, new ProtoWriter().string(1, "").varint(2, 17))
        .message(8, new ProtoWriter().string(1, "com.example").varint(2, 1))
        .varint(99, 12345) // an unknown field, skipped
        .message(7, graph) // graph last: every strict prefix of the file is then invalid
        .toByteArray();
  }

  @Test
  void readsEveryFieldOfASyntheticModel() {
    OnnxModel m = OnnxModelReader.read("tiny.onnx", ByteBuffer.wrap(syntheticModel()));
    assertEquals(8, m.irVersion());
    assertEquals(17, m.opset());
    assertEquals(1L, m.opsets().get("com.example"));
    assertEquals("x2s-test", m.producerName());
    OnnxGraph g = m.graph();
    assertEquals("tiny", g.name());
    assertEquals(List.of("W", "b", "shape"), List.copyOf(g.initializers().keySet()));
    OnnxTensorProto w = g.initializers().get("W");
    assertArrayEquals(new long[] {4, 2}, w.dims());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, w.floats());
    assertArrayEquals(new float[] {0.5f, -0.25f}, g.initializers().get("b").floats());
    assertArrayEquals(new long[] {1, -1}, g.initializers().get("shape").longs());

    assertEquals(3, g.nodes().size());
    OnnxNode gemm = g.nodes().get(2);
    assertEquals("Gemm", gemm.opType());
    assertEquals("com.example", gemm.domain());
    assertEquals(List.of("z", ""), gemm.inputs());
    assertEquals(0.5f, gemm.floatAttribute("alpha", 0));
    assertEquals(1, gemm.intAttribute("transB", 0));
    assertArrayEquals(new long[] {0, 2, 1}, gemm.attributes().get("perm").ints());
    assertEquals("tanh", gemm.attributes().get("mode").s());
    assertArrayEquals(new float[] {9f}, gemm.attributes().get("value").t().floats());

    assertEquals(List.of(new OnnxValueInfo("x", 1, List.of("batch", "4"))), g.inputs());
    assertEquals(List.of(new OnnxValueInfo("g", 1, List.of())), g.outputs());
    assertEquals("mm", g.producer("y").name());
    assertEquals(List.of(g.nodes().get(1)), g.consumers("y"));
    assertNull(g.producer("x"));
    assertEquals(g.initializers().get("W"), g.constant("W"));
  }

  @Test
  void everyTruncationIsAnErrorWithAByteOffset() {
    byte[] full = syntheticModel();
    for (int n = 0; n < full.length; n++) {
      int len = n;
      WeightsException e = assertThrows(WeightsException.class,
          () -> OnnxModelReader.read("cut.onnx", ByteBuffer.wrap(Arrays.copyOf(full, len))),
          "prefix of " + n + " bytes");
      assertTrue(e.getMessage().startsWith("cut.onnx: byte offset "), e.getMessage());
    }
  }

  @Test
  void rawDataOfTheWrongLengthIsReportedWithTheTensorName() {
    byte[] model = new ProtoWriter().message(7, new ProtoWriter().message(5, new ProtoWriter()
        .varint(1, 4).varint(2, 1).string(8, "short").bytes(9, new byte[12]))).toByteArray();
    OnnxModel m = OnnxModelReader.read("m.onnx", ByteBuffer.wrap(model));
    WeightsException e = assertThrows(WeightsException.class,
        () -> m.graph().initializers().get("short").floats());
    assertEquals("m.onnx: byte offset 2: tensor 'short' raw_data has 12 bytes, shape [4] of FLOAT"
        + " needs 16", e.getMessage());
  }

  @Test
  void externalDataIsRejected() {
    byte[] model = new ProtoWriter().message(7, new ProtoWriter().message(5, new ProtoWriter()
        .varint(1, 4).varint(2, 1).string(8, "ext").varint(14, 1))).toByteArray();
    WeightsException e = assertThrows(WeightsException.class,
        () -> OnnxModelReader.read("m.onnx", ByteBuffer.wrap(model)));
    assertTrue(e.getMessage().contains("'ext' uses external data"), e.getMessage());
  }

  @Test
  void constantNodesOfEveryFormAreConstants() {
    OnnxAttribute f = new OnnxAttribute("value_float", 1, 1e-12f, 0, null, null, new float[0], new long[0]);
    OnnxAttribute is = new OnnxAttribute("value_ints", 7, 0, 0, null, null, new float[0], new long[] {0, 0, 12, 32});
    OnnxGraph g = new OnnxGraph("g.onnx", "g", List.of(
        new OnnxNode("c1", "Constant", "", List.of(), List.of("eps"), Map.of(f.name(), f), 7),
        new OnnxNode("c2", "Constant", "", List.of(), List.of("shape"), Map.of(is.name(), is), 9),
        new OnnxNode("r", "Relu", "", List.of("x"), List.of("y"), Map.of(), 11)),
        Map.of(), List.of(), List.of());
    assertArrayEquals(new float[] {1e-12f}, g.constant("eps").floats());
    assertArrayEquals(new long[] {0, 0, 12, 32}, g.constant("shape").longs());
    assertArrayEquals(new long[] {4}, g.constant("shape").dims());
    assertNull(g.constant("y"));
    assertNull(g.constant("x"));
  }

  @Test
  void halfPrecisionTensorsDecode() {
    // little-endian 0x3c00 = 1.0, 0xc000 = -2.0, 0x0001 = 2^-24 (smallest subnormal), 0x7c00 = +inf
    byte[] raw = {0x00, 0x3c, 0x00, (byte) 0xc0, 0x01, 0x00, 0x00, 0x7c};
    OnnxTensorProto t = new OnnxTensorProto("h", new long[] {4}, OnnxTensorProto.FLOAT16,
        ByteBuffer.wrap(raw), null, null, "h.onnx", 0);
    assertArrayEquals(new float[] {1.0f, -2.0f, 0x1p-24f, Float.POSITIVE_INFINITY}, t.floats());
  }

  @Test
  @Tag(Tags.MODEL)
  void aTruncatedRealModelNamesTheFileAndOffset(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.onnx");
    Files.write(cut, Arrays.copyOf(TestModels.onnxBytes(TestModels.MINILM), 1 << 20));
    WeightsException e = assertThrows(WeightsException.class, () -> OnnxModelReader.read(cut));
    assertTrue(e.getMessage().startsWith(cut + ": byte offset "), e.getMessage());
    assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
  }

  @Test
  void aFileThatIsNotOnnxIsRejected(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("tokenizer.onnx");
    Files.writeString(json, "{\"version\": \"1.0\", \"model\": {}}");
    WeightsException e = assertThrows(WeightsException.class, () -> OnnxModelReader.read(json));
    assertTrue(e.getMessage().startsWith(json + ": byte offset "), e.getMessage());
  }
}
