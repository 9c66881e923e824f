package dev.x2s.teachers.proto;

import dev.x2s.teachers.weights.WeightsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over protobuf wire-format bytes (varints, fixed32/64, length-delimited fields), enough for
 * the few message types x2s reads (ONNX models, TF tensor-bundle index entries). Nested messages are
 * read by child cursors over the same buffer, so byte payloads (ONNX {@code raw_data}) are slices, never
 * copies. Every error is a {@link WeightsException} naming the source and the byte offset within the
 * buffer given to the constructor (the file, when the caller passes the whole file).
 */
public final class ProtoReader {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LEN = 2;
  public static final int FIXED32 = 5;

  private final String source;
  private final ByteBuffer buf;
  private int pos;
  private final int limit;

  /** A cursor over all of {@code buf} (from index 0 to its limit). */
  public ProtoReader(String source, ByteBuffer buf) {
    this(source, buf, 0, buf.limit());
  }

  /** A cursor over all of {@code bytes}. */
  public ProtoReader(String source, byte[] bytes) {
    this(source, bytes, 0, bytes.length);
  }

  /** A cursor over {@code bytes[start, end)}; offsets in errors count from {@code bytes[0]}. */
  public ProtoReader(String source, byte[] bytes, int start, int end) {
    this(source, ByteBuffer.wrap(bytes), checkRange(start, end, bytes.length), end);
  }

  private ProtoReader(String source, ByteBuffer buf, int pos, int limit) {
    this.source = source;
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
  }

  private static int checkRange(int start, int end, int length) {
    if (start < 0 || end > length || start > end) {
      throw new IllegalArgumentException("bad range " + start + ".." + end + " of " + length + " bytes");
    }
    return start;
  }

  public String source() {
    return source;
  }

  /** Byte offset of the cursor in the underlying buffer. */
  public int offset() {
    return pos;
  }

  public boolean hasMore() {
    return pos < limit;
  }

  /** Reads a field key; {@code key >>> 3} is the field number, {@code key & 7} the wire type. */
  public int readKey() {
    int at = pos;
    long key = readVarint();
    if (key >>> 3 == 0 || key > Integer.MAX_VALUE) {
      throw error(at, "invalid field key " + key);
    }
    return (int) key;
  }

  public long readVarint() {
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

  public int readInt32() {
    return (int) readVarint();
  }

  /** A little-endian fixed32 value. */
  public int readFixed32() {
    return (int) readFixed(4);
  }

  /** A little-endian fixed64 value. */
  public long readFixed64() {
    return readFixed(8);
  }

  public float readFloat() {
    return Float.intBitsToFloat(readFixed32());
  }

  public double readDouble() {
    return Double.longBitsToDouble(readFixed64());
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
  public ByteBuffer readBytes() {
    int len = readLength();
    ByteBuffer slice = buf.slice(pos, len).order(ByteOrder.LITTLE_ENDIAN);
    pos += len;
    return slice;
  }

  public String readString() {
    int len = readLength();
    byte[] b = new byte[len];
    buf.get(pos, b);
    pos += len;
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A cursor over the next length-delimited field, a nested message; this cursor moves past it. */
  public ProtoReader readMessage() {
    int len = readLength();
    ProtoReader child = new ProtoReader(source, buf, pos, pos + len);
    pos += len;
    return child;
  }

  /** Moves past {@code n} raw bytes (formats that embed protobuf pieces, like the SSTable blocks). */
  public void skipBytes(int n) {
    if (n < 0) {
      throw error(pos, "negative length " + n);
    }
    require(n, n + " bytes");
    pos += n;
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
  public void skip(int key) {
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
  public void readVarints(int key, LongList out) {
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
  public void readFloats(int key, FloatList out) {
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
  public void readDoubles(int key, FloatList out) {
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
  public void expectWire(int key, int wire) {
    if ((key & 7) != wire) {
      throw error(pos, "field " + (key >>> 3) + " has wire type " + (key & 7) + ", expected " + wire);
    }
  }

  /** The error for bad input at byte {@code at}: names the source and the offset. */
  public WeightsException error(int at, String message) {
    return new WeightsException(source, "byte offset " + at + ": " + message);
  }

  /** A growable long array (avoids boxing for large dims / int64 payloads). */
  public static final class LongList {
    private long[] a = new long[8];
    private int n;

    public void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    public long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable float array. */
  public static final class FloatList {
    private float[] a = new float[8];
    private int n;

    public void add(float v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    public int size() {
      return n;
    }

    public float[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
