package dev.x2s.corpus;

import java.util.List;

/** Splits a paragraph into sentences (each stripped, none empty). Implementations are thread-safe. */
public interface SentenceSplitter {
  List<String> split(String paragraph);

  /**
   * Which splitter: see {@link RuleSentenceSplitter}, {@link BreakIteratorSentenceSplitter}. Every command
   * names them the same way: {@code rules}, {@code break-iterator}, {@code none}.
   */
  enum Kind {
    /** {@link RuleSentenceSplitter} (default). */
    RULES,
    /** {@link BreakIteratorSentenceSplitter}. */
    BREAK_ITERATOR,
    /** No splitting: a line is a sentence. */
    NONE;

    public SentenceSplitter create() {
      return switch (this) {
        case RULES -> new RuleSentenceSplitter();
        case BREAK_ITERATOR -> new BreakIteratorSentenceSplitter();
        case NONE -> p -> {
          String s = p.strip();
          return s.isEmpty() ? List.of() : List.of(s);
        };
      };
    }
  }
}
