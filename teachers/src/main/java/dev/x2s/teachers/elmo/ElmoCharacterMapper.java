package dev.x2s.teachers.elmo;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps a token to ELMo's character ids, as AllenNLP's {@code ELMoCharacterMapper}: the token's UTF-8
 * bytes (0–255, cut to {@code maxCharacters - 2} bytes, possibly inside a multi-byte character)
 * between begin-of-word (258) and end-of-word (259), padded with 260, and every id shifted by +1 so
 * that 0 can mark a padding token. The tokens {@code <S>} and {@code </S>} map to the sentence
 * boundary characters 256 and 257 wrapped the same way. Ids therefore lie in {@code 0..261}.
 */
public final class ElmoCharacterMapper {
  /** Begin-of-sentence character, before the +1 shift. */
  public static final int BEGIN_OF_SENTENCE = 256;
  /** End-of-sentence character, before the +1 shift. */
  public static final int END_OF_SENTENCE = 257;
  /** Begin-of-word character, before the +1 shift. */
  public static final int BEGIN_OF_WORD = 258;
  /** End-of-word character, before the +1 shift. */
  public static final int END_OF_WORD = 259;
  /** Padding character inside a token, before the +1 shift. */
  public static final int PADDING = 260;
  /** Rows the character embedding needs: ids 0 (padding token) to 261 (shifted padding char). */
  public static final int VOCABULARY_SIZE = PADDING + 2;
  /** The token AllenNLP maps to the begin-of-sentence characters. */
  public static final String BOS_TOKEN = "<S>";
  /** The token AllenNLP maps to the end-of-sentence characters. */
  public static final String EOS_TOKEN = "</S>";
  /** AllenNLP's fixed token width. */
  public static final int DEFAULT_MAX_CHARACTERS = 50;

  private final int maxCharacters;

  /** A mapper with AllenNLP's 50 characters per token. */
  public ElmoCharacterMapper() {
    this(DEFAULT_MAX_CHARACTERS);
  }

  /** @param maxCharacters ids per token, begin/end-of-word included (at least 3) */
  public ElmoCharacterMapper(int maxCharacters) {
    if (maxCharacters < 3) {
      throw new IllegalArgumentException("maxCharacters must be at least 3, is " + maxCharacters);
    }
    this.maxCharacters = maxCharacters;
  }

  public int maxCharacters() {
    return maxCharacters;
  }

  /** The shifted character ids of one token, {@link #maxCharacters()} long. */
  public int[] charIds(String token) {
    int[] ids = new int[maxCharacters];
    Arrays.fill(ids, PADDING + 1);
    ids[0] = BEGIN_OF_WORD + 1;
    if (token.equals(BOS_TOKEN)) {
      ids[1] = BEGIN_OF_SENTENCE + 1;
      ids[2] = END_OF_WORD + 1;
      return ids;
    }
    if (token.equals(EOS_TOKEN)) {
      ids[1] = END_OF_SENTENCE + 1;
      ids[2] = END_OF_WORD + 1;
      return ids;
    }
    byte[] bytes = utf8IgnoringErrors(token);
    int n = Math.min(bytes.length, maxCharacters - 2);
    for (int k = 0; k < n; k++) {
      ids[k + 1] = (bytes[k] & 0xFF) + 1;
    }
    ids[n + 1] = END_OF_WORD + 1;
    return ids;
  }

  /** The ids of the begin-of-sentence token {@code <S>}. */
  public int[] beginOfSentence() {
    return charIds(BOS_TOKEN);
  }

  /** The ids of the end-of-sentence token {@code </S>}. */
  public int[] endOfSentence() {
    return charIds(EOS_TOKEN);
  }

  /**
   * UTF-8 bytes, dropping unpaired surrogates like Python's {@code encode("utf-8", "ignore")};
   * Java's {@code getBytes} would write {@code '?'} for them instead.
   */
  static byte[] utf8IgnoringErrors(String s) {
    boolean surrogates = false;
    for (int i = 0; i < s.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(s.charAt(i));
    }
    if (!surrogates) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    CharsetEncoder enc =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.IGNORE)
            .onUnmappableCharacter(CodingErrorAction.IGNORE);
    try {
      ByteBuffer b = enc.encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new AssertionError("UTF-8 encoder set to ignore errors threw", e);
    }
  }
}
