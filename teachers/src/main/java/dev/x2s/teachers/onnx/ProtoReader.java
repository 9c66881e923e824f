package dev.x2s.teachers.onnx;

import dev.x2s.teachers.weights.WeightsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over protobuf wire-format bytes (varints, fixed32/64, length-delimited fields). Nested
 * messages are read by child cursors over the same buffer, so byte payloads (ONNX {@code raw_data}) are
 * slices, never copies. Every error names the source and the absolute byte offset.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  private final String source;
  private final ByteBuffer buf;
  private int pos;
  private final int limit;

  ProtoReader(String source, ByteBuffer buf) {
    this(source, buf, 0, buf.limit());
  }

  private ProtoReader(String source, ByteBuffer buf, int pos, int limit) {
    this.source = source;
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
  }

  String source() {
    return source;
  }

  /** Absolute byte offset of the cursor in the file. */
  int offset() {
    return pos;
  }

  boolean hasMore() {
    return pos < limit;
  }

  /** Reads a field key; {@code key >>> 3} is the field number, {@code key & 7} the wire type. */
  int readKey() {
    int at = pos;
    long key = readVarint();
    if (key >>> 3 == 0 || key > Integer.MAX_VALUE) {
      throw error(at, "invalid field key " + key);
    }
    return (int) key;
  }

  long readVarint() {
    int at = pos;
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= limit) {
        throw error(at, "truncated varint");
      }
      byte b = buf.get(pos++);
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw error(at, "malformed varint (more than 10 bytes)");
  }

  int readInt32() {
    return (int) readVarint();
  }

  float readFloat() {
    return Float.intBitsToFloat((int) readFixed(4));
  }

  double readDouble() {
    return Double.longBitsToDouble(readFixed(8));
  }

  private long readFixed(int n) {
    require(n, "fixed-width value");
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (buf.get(pos + i) & 0xffL) << (8 * i);
    }
    pos += n;
    return v;
  }

  /** A little-endian slice over the next length-delimited payload. */
  ByteBuffer readBytes() {
    int len = readLength();
    ByteBuffer slice = buf.slice(pos, len).order(ByteOrder.LITTLE_ENDIAN);
    pos += len;
    return slice;
  }

  String readString() {
    int len = readLength();
    byte[] b = new byte[len];
    buf.get(pos, b);
    pos += len;
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A cursor over the next length-delimited field, a nested message; this cursor moves past it. */
  ProtoReader readMessage() {
    int len = readLength();
    ProtoReader child = new ProtoReader(source, buf, pos, pos + len);
    pos += len;
    return child;
  }

  /** Length of a length-delimited field, checked against the enclosing message's bounds. */
  private int readLength() {
    int at = pos;
    long len = readVarint();
    if (len < 0 || len > limit - pos) {
      throw error(at, "length " + len + " runs past the end of the enclosing message ("
          + (limit - pos) + " bytes left); file truncated or corrupt");
    }
    return (int) len;
  }

  private void require(int n, String what) {
    if (limit - pos < n) {
      throw error(pos, "truncated " + what);
    }
  }

  /** Skips a field of the given wire type whose key was just read. */
  void skip(int key) {
    int wire = key & 7;
    switch (wire) {
      case VARINT -> readVarint();
      case FIXED64 -> {
        require(8, "fixed64");
        pos += 8;
      }
      case LEN -> readBytes();
      case FIXED32 -> {
        require(4, "fixed32");
        pos += 4;
      }
      default -> throw error(pos, "unsupported wire type " + wire + " for field " + (key >>> 3));
    }
  }

  /**
   * Reads a repeated varint field that may be packed (one LEN field) or not (one value per key), and
   * appends to {@code out}.
   */
  void readVarints(int key, LongList out) {
    if ((key & 7) == LEN) {
      ProtoReader packed = readMessage();
      while (packed.hasMore()) {
        out.add(packed.readVarint());
      }
    } else {
      expectWire(key, VARINT);
      out.add(readVarint());
    }
  }

  /** As {@link #readVarints} for a repeated float (fixed32) field. */
  void readFloats(int key, FloatList out) {
    if ((key & 7) == LEN) {
      ProtoReader packed = readMessage();
      if ((packed.limit - packed.pos) % 4 != 0) {
        throw error(packed.pos, "packed float field length " + (packed.limit - packed.pos)
            + " is not a multiple of 4");
      }
      while (packed.hasMore()) {
        out.add(packed.readFloat());
      }
    } else {
      expectWire(key, FIXED32);
      out.add(readFloat());
    }
  }

  /** As {@link #readVarints} for a repeated double (fixed64) field. */
  void readDoubles(int key, FloatList out) {
    if ((key & 7) == LEN) {
      ProtoReader packed = readMessage();
      while (packed.hasMore()) {
        out.add((float) packed.readDouble());
      }
    } else {
      expectWire(key, FIXED64);
      out.add((float) readDouble());
    }
  }

  /** Fails unless the key just read has the given wire type. */
  void expectWire(int key, int wire) {
    if ((key & 7) != wire) {
      throw error(pos, "field " + (key >>> 3) + " has wire type " + (key & 7) + ", expected " + wire);
    }
  }

  WeightsException error(int at, String message) {
    return new WeightsException(source, "byte offset " + at + ": " + message);
  }

  /** A growable long array (avoids boxing for large dims / int64 payloads). */
  static final class LongList {
    private long[] a = new long[8];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable float array. */
  static final class FloatList {
    private float[] a = new float[8];
    private int n;

    void add(float v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    float[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
