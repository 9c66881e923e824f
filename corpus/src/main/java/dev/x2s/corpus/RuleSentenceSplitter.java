package dev.x2s.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based English sentence splitter (after the Moses {@code split-sentences.perl} rules).
 *
 * <p>A sentence ends after a run of {@code . ! ?} and any closing quotes or brackets when whitespace
 * follows and the next sentence starts with an upper-case (or case-less) letter, a digit, or an opening
 * quote or bracket. A single period does not end a sentence after an abbreviation: a title or Latin
 * abbreviation ({@code Mr. Dr. St. etc. vs.}), a single initial ({@code J. R. R.}), a dotted acronym
 * ({@code U.S. e.g. i.e.}), or, before a number, {@code No. pp. Jan.}. Periods inside numbers
 * ({@code 3.14}) never qualify because no whitespace follows them.
 */
public final class RuleSentenceSplitter implements SentenceSplitter {

  @Override
  public List<String> split(String p) {
    List<String> out = new ArrayList<>(4);
    int n = p.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = p.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int j = i + 1;
      while (j < n && isTerminator(p.charAt(j))) {
        j++;
      }
      int k = j;
      while (k < n && isCloser(p.charAt(k))) {
        k++;
      }
      if (k >= n || !Character.isWhitespace(p.charAt(k))) {
        i = j - 1;
        continue;
      }
      int m = k;
      while (m < n && Character.isWhitespace(p.charAt(m))) {
        m++;
      }
      if (m >= n) {
        break;
      }
      char next = p.charAt(m);
      boolean starts = isOpener(next) || Character.isDigit(next) || Character.isUpperCase(next)
          || Character.isTitleCase(next) || (Character.isLetter(next) && !Character.isLowerCase(next));
      if (!starts) {
        i = j - 1;
        continue;
      }
      if (c == '.' && j == i + 1 && k == j
          && Abbreviations.keepsPeriod(wordBefore(p, i, start), Character.isDigit(next))) {
        i = j - 1;
        continue;
      }
      String s = p.substring(start, k).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
      start = m;
      i = m - 1;
    }
    String s = p.substring(start).strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    return out;
  }

  /** The word before position {@code end} (a period), without leading opening punctuation. */
  private static String wordBefore(String p, int end, int floor) {
    int b = end;
    while (b > floor && !Character.isWhitespace(p.charAt(b - 1))) {
      b--;
    }
    while (b < end && isOpener(p.charAt(b))) {
      b++;
    }
    return p.substring(b, end);
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u201D' || c == '\u2019'
        || c == '\u00BB';
  }

  static boolean isOpener(char c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '\u201C' || c == '\u2018'
        || c == '\u00AB' || c == '\u00BF' || c == '\u00A1';
  }
}
