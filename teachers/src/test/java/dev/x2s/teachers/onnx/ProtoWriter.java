package dev.x2s.teachers.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Test helper: writes protobuf wire format, to build ONNX fixtures and edit real models. */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter varint(int field, long value) {
    key(field, 0);
    rawVarint(value);
    return this;
  }

  ProtoWriter fixed32(int field, float value) {
    key(field, 5);
    int bits = Float.floatToIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write(bits >>> (8 * i));
    }
    return this;
  }

  ProtoWriter bytes(int field, byte[] b) {
    key(field, 2);
    rawVarint(b.length);
    out.writeBytes(b);
    return this;
  }

  ProtoWriter string(int field, String s) {
    return bytes(field, s.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter message(int field, ProtoWriter m) {
    return bytes(field, m.toByteArray());
  }

  ProtoWriter packedVarints(int field, long... values) {
    ProtoWriter p = new ProtoWriter();
    for (long v : values) {
      p.rawVarint(v);
    }
    return bytes(field, p.toByteArray());
  }

  ProtoWriter packedFloats(int field, float... values) {
    return bytes(field, floatsLe(values));
  }

  /** Appends already-encoded bytes (e.g. fields copied from a real model). */
  ProtoWriter raw(byte[] b, int off, int len) {
    out.write(b, off, len);
    return this;
  }

  static byte[] floatsLe(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private void key(int field, int wire) {
    rawVarint(((long) field << 3) | wire);
  }

  private void rawVarint(long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
