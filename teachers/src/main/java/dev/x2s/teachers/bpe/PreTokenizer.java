package dev.x2s.teachers.bpe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenization: text is split by the regex
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+} before BPE, so
 * merges never cross a letter/number/punctuation/space boundary. {@code \s} is Unicode whitespace
 * (as in Python's {@code regex} module that GPT-2's encoder uses), hence
 * {@link Pattern#UNICODE_CHARACTER_CLASS}.
 */
public final class PreTokenizer {
  static final Pattern GPT2 =
      Pattern.compile(
          "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
          Pattern.UNICODE_CHARACTER_CLASS);

  private PreTokenizer() {}

  /** The pre-tokens of {@code text}, in order; their concatenation is {@code text}. */
  public static List<String> split(CharSequence text) {
    List<String> out = new ArrayList<>();
    Matcher m = GPT2.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
