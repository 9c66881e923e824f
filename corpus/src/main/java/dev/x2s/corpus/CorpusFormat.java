package dev.x2s.corpus;

/** Layout of a corpus file (after any gzip layer is removed). */
public enum CorpusFormat {
  /** One paragraph or sentence per line. */
  PLAIN,
  /**
   * WikiExtractor output: {@code <doc id=".." url=".." title="..">}, the title line, paragraphs one per
   * line, {@code </doc>}.
   */
  WIKIEXTRACTOR,
  /** WikiExtractor if the first non-empty line starts with {@code <doc }, else plain. */
  AUTO
}
