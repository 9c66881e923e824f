package dev.x2s.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines on {@code \n} (a preceding {@code \r} is dropped) and decodes each
 * line as strict UTF-8. A line with a malformed byte sequence is reported as {@link Status#MALFORMED}
 * rather than decoded with replacement characters, so the caller can count and skip it; a line longer
 * than {@code maxLineBytes} is reported as {@link Status#TOO_LONG} without being held in memory. Memory
 * is bounded by the read buffer plus {@code maxLineBytes}.
 */
final class Utf8LineReader implements Closeable {
  enum Status { OK, MALFORMED, TOO_LONG, EOF }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] carry = new byte[256];
  private int carryLen;
  private CharBuffer chars = CharBuffer.allocate(256);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private String text;
  private long lineNumber;

  Utf8LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads the next line; on {@link Status#OK} its text is {@link #text()}. */
  Status next() throws IOException {
    text = null;
    carryLen = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!any) {
            return Status.EOF;
          }
          lineNumber++;
          return tooLong ? Status.TOO_LONG : decode(carry, 0, carryLen);
        }
      }
      any = true;
      int nl = indexOfNewline(pos, limit);
      int end = nl < 0 ? limit : nl;
      int segment = end - pos;
      if (!tooLong && (long) carryLen + segment > maxLineBytes) {
        tooLong = true;
      }
      if (nl >= 0) {
        lineNumber++;
        Status s;
        if (tooLong) {
          s = Status.TOO_LONG;
        } else if (carryLen == 0) {
          s = decode(buf, pos, segment); // fast path: the whole line is in the buffer
        } else {
          append(pos, segment);
          s = decode(carry, 0, carryLen);
        }
        pos = nl + 1;
        return s;
      }
      if (!tooLong) {
        append(pos, segment);
      }
      pos = limit;
    }
  }

  String text() {
    return text;
  }

  /** 1-based number of the line last returned by {@link #next()}. */
  long lineNumber() {
    return lineNumber;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private void append(int from, int len) {
    if (carryLen + len > carry.length) {
      carry = java.util.Arrays.copyOf(carry, Math.max(carryLen + len, carry.length * 2));
    }
    System.arraycopy(buf, from, carry, carryLen, len);
    carryLen += len;
  }

  private Status decode(byte[] b, int off, int len) {
    if (len > 0 && b[off + len - 1] == '\r') {
      len--;
    }
    if (chars.capacity() < len) {
      chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    CoderResult r = decoder.decode(ByteBuffer.wrap(b, off, len), chars, true);
    if (r.isError()) {
      return Status.MALFORMED;
    }
    r = decoder.flush(chars);
    if (r.isError()) {
      return Status.MALFORMED;
    }
    chars.flip();
    text = chars.toString();
    return Status.OK;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
