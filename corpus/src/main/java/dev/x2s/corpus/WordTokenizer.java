package dev.x2s.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The word tokenizer x2s uses for every teacher and every count (the README section "Words" is the
 * specification; keep the two in step). Case is preserved.
 *
 * <ul>
 *   <li>Whitespace (Unicode, including no-break spaces), control and format characters separate words.
 *   <li>A word is a run of letters, digits, combining marks and {@code _}, which continues across
 *       <em>joiners</em>: a hyphen between two word characters ({@code well-known}, {@code 1914-1918});
 *       an apostrophe ({@code '} or {@code ’}, written as {@code '}) between two word characters
 *       ({@code don't}, {@code city's}, {@code O'Brien}); a period between two letters or two digits
 *       ({@code U.S}, {@code example.com}, {@code 3.14}); a comma, colon or slash between two digits
 *       ({@code 1,000}, {@code 10:30}, {@code 1/2}); an ampersand between two upper-case letters
 *       ({@code AT&T}).
 *   <li>A period right after a word stays on it when the word is a dotted acronym ({@code U.S.}), a
 *       listed abbreviation ({@code Mr.}, {@code etc.}; {@code No.} before a number) or a single capital
 *       initial ({@code J.}) — except at the very end of the sentence, where only dotted acronyms keep it.
 *   <li>URLs ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}) run to the next whitespace,
 *       minus trailing punctuation; an e-mail address ({@code name@host.tld}) is one word.
 *   <li>Every other character is punctuation and a word by itself; a run of the same punctuation
 *       character is one word ({@code ...}, {@code --}, {@code ''}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class WordTokenizer {
  private static final byte SEP = 0;
  private static final byte WORD = 1;
  private static final byte PUNCT = 2;
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = c <= ' ' || c == 127 ? SEP
          : (Character.isLetterOrDigit(c) || c == '_') ? WORD : PUNCT;
    }
  }

  /** Splits one sentence into words. */
  public List<String> tokenize(String s) {
    List<String> out = new ArrayList<>(Math.max(8, s.length() / 5));
    tokenize(s, out);
    return out;
  }

  /** Appends the words of {@code s} to {@code out}; returns how many were added. */
  public int tokenize(String s, List<String> out) {
    int before = out.size();
    int n = s.length();
    int i = 0;
    while (i < n) {
      int c = s.charAt(i);
      byte k = c < 128 ? ASCII[c] : classify(s.codePointAt(i));
      if (k == SEP) {
        i += Character.charCount(s.codePointAt(i));
        continue;
      }
      if (k == WORD) {
        int url = urlEnd(s, i, n);
        if (url > i) {
          out.add(s.substring(i, url));
          i = url;
          continue;
        }
        i = word(s, i, n, out);
        continue;
      }
      // punctuation: a run of the same code point
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      int j = i + len;
      while (j < n && s.codePointAt(j) == cp) {
        j += len;
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out.size() - before;
  }

  /** Scans a word starting at {@code i}, adds it, returns the index after it. */
  private static int word(String s, int i, int n, List<String> out) {
    int j = i;
    boolean curly = false;
    while (true) {
      j = wordRun(s, j, n);
      if (j >= n) {
        break;
      }
      char c = s.charAt(j);
      if (j + 1 >= n) {
        break;
      }
      char prev = s.charAt(j - 1);
      int nextCp = s.codePointAt(j + 1);
      boolean join;
      switch (c) {
        case '-', '\u2010', '\u2011', '\'' -> join = isWord(nextCp);
        case '\u2019' -> {
          join = isWord(nextCp);
          curly |= join;
        }
        case '.' -> join = (isDigit(prev) && isDigit(nextCp))
            || (Character.isLetter(prev) && Character.isLetter(nextCp));
        case ',', ':', '/' -> join = isDigit(prev) && isDigit(nextCp);
        case '&' -> join = Character.isUpperCase(prev) && Character.isUpperCase(nextCp);
        case '@' -> {
          int e = emailEnd(s, j + 1, n);
          if (e > 0) {
            j = e;
          }
          join = false;
        }
        default -> join = false;
      }
      if (!join) {
        break;
      }
      j++;
    }
    String w = s.substring(i, j);
    if (curly) {
      w = w.replace('\u2019', '\'');
    }
    if (j < n && s.charAt(j) == '.' && (j + 1 >= n || s.charAt(j + 1) != '.')) {
      int after = j + 1;
      while (after < n && classifyAt(s, after) == SEP) {
        after++;
      }
      boolean atEnd = sentenceEndsAt(s, after, n);
      boolean keep = Abbreviations.isAcronym(w)
          || (!atEnd && Abbreviations.keepsPeriod(w, after < n && isDigit(s.charAt(after))));
      if (keep) {
        out.add(w + ".");
        return j + 1;
      }
    }
    out.add(w);
    return j;
  }

  /** Whether only closing quotes/brackets and spaces remain from {@code i}. */
  private static boolean sentenceEndsAt(String s, int i, int n) {
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!RuleSentenceSplitter.isCloser(c) && classifyAt(s, i) != SEP) {
        return false;
      }
    }
    return true;
  }

  /** Index after a run of word characters starting at {@code i}. */
  private static int wordRun(String s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128) {
        if (ASCII[c] != WORD) {
          return i;
        }
        i++;
      } else {
        int cp = s.codePointAt(i);
        if (classify(cp) != WORD) {
          return i;
        }
        i += Character.charCount(cp);
      }
    }
    return i;
  }

  /** If a URL starts at {@code i}, the index after it; else {@code i}. */
  private static int urlEnd(String s, int i, int n) {
    char c = s.charAt(i);
    if (c != 'h' && c != 'H' && c != 'f' && c != 'F' && c != 'w' && c != 'W') {
      return i;
    }
    int p;
    if (s.regionMatches(true, i, "http://", 0, 7)) {
      p = i + 7;
    } else if (s.regionMatches(true, i, "https://", 0, 8)) {
      p = i + 8;
    } else if (s.regionMatches(true, i, "ftp://", 0, 6)) {
      p = i + 6;
    } else if (s.regionMatches(true, i, "www.", 0, 4)) {
      p = i + 4;
    } else {
      return i;
    }
    int e = p;
    while (e < n && classifyAt(s, e) != SEP) {
      e += Character.charCount(s.codePointAt(e)); // never stop inside a surrogate pair
    }
    int open = 0;
    int close = 0;
    for (int q = p; q < e; q++) {
      char t = s.charAt(q);
      open += t == '(' ? 1 : 0;
      close += t == ')' ? 1 : 0;
    }
    while (e > p) {
      char t = s.charAt(e - 1);
      if (".,;:!?'\"]}>\u201D\u2019".indexOf(t) >= 0) {
        e--;
      } else if (t == ')' && close > open) { // keep the balanced ')' of .../Foo_(bar)
        e--;
        close--;
      } else {
        break;
      }
    }
    return e > p ? e : i;
  }

  /** For an '@' just before {@code i}: the index after {@code host.tld}, or -1. */
  private static int emailEnd(String s, int i, int n) {
    int e = i;
    int dots = 0;
    while (true) {
      int r = wordRun(s, e, n);
      if (r == e) {
        return -1;
      }
      e = r;
      if (e + 1 < n && (s.charAt(e) == '.' || s.charAt(e) == '-') && isWord(s.codePointAt(e + 1))) {
        dots += s.charAt(e) == '.' ? 1 : 0;
        e++;
        continue;
      }
      return dots > 0 ? e : -1;
    }
  }

  private static byte classifyAt(String s, int i) {
    char c = s.charAt(i);
    return c < 128 ? ASCII[c] : classify(s.codePointAt(i));
  }

  private static boolean isWord(int cp) {
    return cp < 128 ? ASCII[cp] == WORD : classify(cp) == WORD;
  }

  private static boolean isDigit(int cp) {
    return cp < 128 ? (cp >= '0' && cp <= '9') : Character.isDigit(cp);
  }

  private static byte classify(int cp) {
    if (cp == 0x200C || cp == 0x200D) {
      return WORD; // zero-width (non-)joiner: part of words in several scripts
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
          Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.CONNECTOR_PUNCTUATION:
        return WORD;
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
          Character.PRIVATE_USE:
        return SEP;
      default:
        return PUNCT;
    }
  }
}
