package dev.x2s.vectors;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of words. The JDK's lenient decoder (fast, with intrinsic ASCII paths)
 * replaces malformed input by U+FFFD; only when its result contains U+FFFD, which is rare, a strict
 * decoder decides whether the bytes were malformed or a genuine U+FFFD.
 */
final class Utf8 {
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** The word in {@code b[start, end)}, or null when the bytes are not valid UTF-8. */
  String decode(byte[] b, int start, int end) {
    String s = new String(b, start, end - start, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') < 0) {
      return s;
    }
    try {
      return strict.reset().decode(ByteBuffer.wrap(b, start, end - start)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
