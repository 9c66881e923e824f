package dev.x2s.data;

/** What a dataset entry is used for. */
public enum Task {
  SIMILARITY,
  ANALOGY,
  CATEGORIZATION,
  RELATIONAL,
  CORPUS,
  /** A list of words to cover (the shipped vocabulary's general-English part). */
  WORDLIST;

  static Task parse(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
