package dev.x2s.vectors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of words with an ASCII fast path. */
final class Utf8 {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** The word in {@code b[start, end)}, or null when the bytes are not valid UTF-8. */
  String decode(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        return decodeStrict(b, start, end);
      }
    }
    return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private String decodeStrict(byte[] b, int start, int end) {
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(b, start, end - start));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
