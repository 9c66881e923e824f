package dev.x2s.teachers.bpe;

/**
 * GPT-2's reversible byte ↔ printable-character map: bytes that are printable Latin-1 characters
 * ({@code !..~}, {@code ¡..¬}, {@code ®..ÿ}) map to themselves; the other 68 bytes map, in byte order,
 * to U+0100, U+0101, …. So every byte string becomes a string without whitespace or control characters
 * (space is {@code Ġ}, newline {@code Ċ}).
 */
public final class BytesToUnicode {
  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[512];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int next = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = printable ? (char) b : (char) (256 + next++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private BytesToUnicode() {}

  /** The character standing for byte {@code b} (0..255). */
  public static char toChar(int b) {
    return BYTE_TO_CHAR[b & 0xff];
  }

  /** The byte a character stands for, or -1 when the character is not in the map. */
  public static int toByte(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }
}
