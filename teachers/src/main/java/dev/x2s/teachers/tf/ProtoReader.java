package dev.x2s.teachers.tf;

import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protobuf wire format (varints, fixed32/64, length-delimited fields), enough
 * to decode the few small messages of a TF tensor bundle without a protobuf dependency. Malformed
 * input raises {@link IllegalArgumentException} with the byte offset; callers add the file name.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private int pos;
  private final int end;

  ProtoReader(byte[] buf, int start, int end) {
    if (start < 0 || end > buf.length || start > end) {
      throw new IllegalArgumentException("bad range " + start + ".." + end + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  ProtoReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  boolean hasMore() {
    return pos < end;
  }

  int position() {
    return pos;
  }

  /** Reads a field tag; returns {@code fieldNumber << 3 | wireType}. */
  int readTag() {
    long tag = readVarint();
    if (tag <= 0 || tag > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad field tag " + tag + " at byte " + pos);
    }
    return (int) tag;
  }

  long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new IllegalArgumentException("truncated varint at byte " + pos);
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes at byte " + pos);
  }

  int readFixed32() {
    need(4);
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16
        | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  long readFixed64() {
    long lo = readFixed32() & 0xffffffffL;
    long hi = readFixed32() & 0xffffffffL;
    return lo | hi << 32;
  }

  /** A sub-reader over a length-delimited field's bytes (and skips past them). */
  ProtoReader readMessage() {
    int len = readLength();
    ProtoReader sub = new ProtoReader(buf, pos, pos + len);
    pos += len;
    return sub;
  }

  String readString() {
    int len = readLength();
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  void skipBytes(int n) {
    need(n);
    pos += n;
  }

  void skip(int wireType) {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> {
        need(8);
        pos += 8;
      }
      case LENGTH_DELIMITED -> {
        int len = readLength(); // not `pos += readLength()`: Java reads pos before the call
        pos += len;
      }
      case FIXED32 -> {
        need(4);
        pos += 4;
      }
      default -> throw new IllegalArgumentException("unsupported wire type " + wireType + " at byte " + pos);
    }
  }

  private int readLength() {
    long len = readVarint();
    if (len < 0 || len > end - pos) {
      throw new IllegalArgumentException("length " + len + " at byte " + pos + " runs past the end (" + end + ")");
    }
    return (int) len;
  }

  private void need(int n) {
    if (end - pos < n) {
      throw new IllegalArgumentException("truncated: need " + n + " bytes at byte " + pos);
    }
  }
}
