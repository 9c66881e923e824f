package dev.x2s.teachers.wordpiece;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's basic tokenization, as Google's {@code tokenization.py} {@code BasicTokenizer}: drop NUL,
 * U+FFFD and control characters, map whitespace to spaces, put spaces around CJK ideographs, split on
 * whitespace, optionally lower-case and strip accents (NFD, drop combining marks {@code Mn}), then split
 * off every punctuation character.
 */
public final class BasicTokenizer {
  private final boolean lowerCase;

  public BasicTokenizer(boolean lowerCase) {
    this.lowerCase = lowerCase;
  }

  public boolean lowerCase() {
    return lowerCase;
  }

  /** Splits {@code text} into basic tokens, appended to {@code out}. */
  public void tokenize(String text, List<String> out) {
    StringBuilder cur = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
        continue;
      }
      if (isWhitespace(cp)) {
        flush(cur, out);
      } else if (isChinese(cp)) {
        flush(cur, out);
        out.add(new String(Character.toChars(cp)));
      } else {
        cur.appendCodePoint(cp);
      }
    }
    flush(cur, out);
  }

  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    tokenize(text, out);
    return out;
  }

  /** One whitespace-free token: lower-case/strip accents, then split off punctuation. */
  private void flush(StringBuilder cur, List<String> out) {
    if (cur.length() == 0) {
      return;
    }
    String token = cur.toString();
    cur.setLength(0);
    if (lowerCase) {
      token = stripAccents(token.toLowerCase(Locale.ROOT));
    }
    int start = 0;
    int n = token.length();
    for (int i = 0; i < n; ) {
      int cp = token.codePointAt(i);
      int len = Character.charCount(cp);
      if (isPunctuation(cp)) {
        if (start < i) {
          out.add(token.substring(start, i));
        }
        out.add(token.substring(i, i + len));
        start = i + len;
      }
      i += len;
    }
    if (start < n) {
      out.add(token.substring(start));
    }
  }

  static String stripAccents(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      return s;
    }
    String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); ) {
      int cp = nfd.codePointAt(i);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /** Space, tab, newline, CR, or Unicode category Zs. */
  static boolean isWhitespace(int cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Unicode category C* (Google's {@code cat.startswith("C")}), except tab, newline, CR. */
  static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int t = Character.getType(cp);
    return t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
        || t == Character.PRIVATE_USE || t == Character.SURROGATE;
  }

  /** ASCII non-alphanumeric printables, or Unicode category P*. */
  static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** The CJK Unified Ideographs blocks of Google's {@code _is_chinese_char}. */
  static boolean isChinese(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
