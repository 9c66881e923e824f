package dev.x2s.corpus;

import java.util.List;
import java.util.Locale;

/**
 * Whether and when a {@link SentenceStream} lower-cases (Locale.ROOT). The two lower-casing orders give
 * different words where {@link WordTokenizer} looks at case: {@code AT&T} is one word, {@code at&t}
 * three; {@code J.} keeps its period as an initial, {@code j.} does not.
 */
public enum Casing {
  /** The words as written. */
  KEEP,
  /** Tokenize, then lower-case each word ({@code AT&T} → {@code at&t}): the baselines and layer-PC. */
  LOWER_WORDS,
  /**
   * Lower-case the sentence, then tokenize ({@code AT&T} → {@code at & t}): the student's teacher
   * contexts, whose caches are keyed by this behaviour.
   */
  LOWER_TEXT;

  /** {@code sentence}'s words under this casing, in a new modifiable list. */
  List<String> words(WordTokenizer tokenizer, String sentence) {
    if (this == LOWER_TEXT) {
      return tokenizer.tokenize(sentence.toLowerCase(Locale.ROOT));
    }
    List<String> words = tokenizer.tokenize(sentence);
    if (this == LOWER_WORDS) {
      words.replaceAll(w -> w.toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
