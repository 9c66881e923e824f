package dev.x2s.corpus;

/**
 * Counts gathered while reading a corpus. Updated by the reading thread only; read the values from that
 * thread or after reading has finished.
 */
public final class CorpusStats {
  long lines;
  long emptyLines;
  long badUtf8Lines;
  long firstBadUtf8Line;
  long overlongLines;
  long documents;
  long titleLines;
  long paragraphs;
  long sentences;
  long words;

  /** Physical lines read, every kind included. */
  public long lines() {
    return lines;
  }

  /** Lines that were empty or only whitespace (skipped). */
  public long emptyLines() {
    return emptyLines;
  }

  /** Lines with a malformed UTF-8 byte sequence (skipped). */
  public long badUtf8Lines() {
    return badUtf8Lines;
  }

  /** 1-based number of the first malformed line, 0 if none. */
  public long firstBadUtf8Line() {
    return firstBadUtf8Line;
  }

  /** Lines longer than the reader's limit (skipped). */
  public long overlongLines() {
    return overlongLines;
  }

  /** WikiExtractor documents opened ({@code <doc ...>}); 0 for plain text. */
  public long documents() {
    return documents;
  }

  /** WikiExtractor title lines dropped because they repeat the document title. */
  public long titleLines() {
    return titleLines;
  }

  /** Paragraphs (non-empty text lines) delivered. */
  public long paragraphs() {
    return paragraphs;
  }

  /** Sentences delivered with at least one word (counted by {@link SentenceStream}). */
  public long sentences() {
    return sentences;
  }

  /** Words in the delivered sentences (counted by {@link SentenceStream}). */
  public long words() {
    return words;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(
        "lines %,d, documents %,d, paragraphs %,d, sentences %,d, words %,d, empty lines %,d, "
            + "bad UTF-8 lines %,d",
        lines, documents, paragraphs, sentences, words, emptyLines, badUtf8Lines));
    if (badUtf8Lines > 0) {
      sb.append(String.format(" (first at line %,d)", firstBadUtf8Line));
    }
    if (overlongLines > 0) {
      sb.append(String.format(", overlong lines %,d", overlongLines));
    }
    return sb.toString();
  }
}
