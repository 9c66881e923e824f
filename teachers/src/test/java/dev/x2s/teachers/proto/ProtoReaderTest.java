package dev.x2s.teachers.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.x2s.teachers.weights.WeightsException;
import org.junit.jupiter.api.Test;

/** The wire format as both the TF bundle index and ONNX use it, and its errors. */
class ProtoReaderTest {
  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void readsFieldsOfEveryWireType() {
    // field 1 varint 300; field 2 string "hi"; field 3 fixed32 0x04030201; field 4 fixed64; field 5 message {1: 7}
    byte[] b = bytes(0x08, 0xac, 0x02, 0x12, 2, 'h', 'i', 0x1d, 1, 2, 3, 4,
        0x21, 1, 0, 0, 0, 0, 0, 0, 0x80, 0x2a, 2, 0x08, 7);
    ProtoReader r = new ProtoReader("test", b);
    assertEquals(1 << 3, r.readKey());
    assertEquals(300, r.readVarint());
    assertEquals(2 << 3 | ProtoReader.LEN, r.readKey());
    assertEquals("hi", r.readString());
    assertEquals(3 << 3 | ProtoReader.FIXED32, r.readKey());
    assertEquals(0x04030201, r.readFixed32());
    assertEquals(4 << 3 | ProtoReader.FIXED64, r.readKey());
    assertEquals(0x8000000000000001L, r.readFixed64());
    r.readKey();
    ProtoReader m = r.readMessage();
    assertEquals(1 << 3, m.readKey());
    assertEquals(7, m.readVarint());
    assertFalse(m.hasMore());
    assertFalse(r.hasMore());
  }

  @Test
  void aRangeReaderStopsAtItsEndAndCountsOffsetsFromTheBuffer() {
    byte[] b = bytes(0xff, 0xff, 0x08, 5, 0x10, 6, 0xff);
    ProtoReader r = new ProtoReader("test", b, 2, 6);
    assertEquals(2, r.offset());
    r.skip(r.readKey());
    r.skip(r.readKey());
    assertFalse(r.hasMore());
    assertEquals(6, r.offset());
  }

  @Test
  void packedAndUnpackedRepeatedFieldsReadAlike() {
    ProtoReader.FloatList floats = new ProtoReader.FloatList();
    // packed: key 1/LEN, 8 bytes = 1.0f, 2.0f; then one unpacked fixed32 3.0f
    byte[] b = bytes(0x0a, 8, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0x0d, 0, 0, 0x40, 0x40);
    ProtoReader r = new ProtoReader("test", b);
    r.readFloats(r.readKey(), floats);
    r.readFloats(r.readKey(), floats);
    assertArrayEquals(new float[] {1f, 2f, 3f}, floats.toArray());
  }

  @Test
  void badInputNamesTheSourceAndTheOffset() {
    WeightsException e = assertThrows(WeightsException.class, () -> new ProtoReader("f.onnx", bytes(0x00)).readKey());
    assertEquals("f.onnx: byte offset 0: invalid field key 0", e.getMessage());
    ProtoReader r = new ProtoReader("f.onnx", bytes(0x08, 0x80, 0x80));
    r.readKey();
    e = assertThrows(WeightsException.class, r::readVarint);
    assertEquals("f.onnx: byte offset 1: truncated varint", e.getMessage());
    ProtoReader len = new ProtoReader("x.index", bytes(0x0a, 9, 1));
    len.readKey();
    e = assertThrows(WeightsException.class, len::readString);
    assertEquals("x.index: byte offset 1: length 9 runs past the end of the enclosing message (1 bytes left);"
        + " file truncated or corrupt", e.getMessage());
    e = assertThrows(WeightsException.class, () -> new ProtoReader("x", bytes(1, 2)).readFixed32());
    assertEquals("x: byte offset 0: truncated fixed-width value", e.getMessage());
    e = assertThrows(WeightsException.class, () -> new ProtoReader("x", bytes(0x0b)).skip(0x0b));
    assertEquals("x: byte offset 0: unsupported wire type 3 for field 1", e.getMessage());
  }
}
