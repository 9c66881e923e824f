package dev.x2s.data;

/** What a dataset entry is used for. */
public enum Task {
  SIMILARITY,
  ANALOGY,
  CATEGORIZATION,
  RELATIONAL,
  CORPUS;

  static Task parse(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
