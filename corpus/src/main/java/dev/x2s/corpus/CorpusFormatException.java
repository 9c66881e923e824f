package dev.x2s.corpus;

/** A corpus file breaks its format; the message names the file and line. */
public final class CorpusFormatException extends RuntimeException {
  public CorpusFormatException(String source, long line, String what) {
    super(source + ":" + line + ": " + what);
  }
}
