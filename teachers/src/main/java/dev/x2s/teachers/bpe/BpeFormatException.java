package dev.x2s.teachers.bpe;

/** A tokenizer file ({@code vocab.json}/{@code encoder.json}, {@code merges.txt}/{@code vocab.bpe}) is unusable. */
public class BpeFormatException extends RuntimeException {
  public BpeFormatException(String source, String message) {
    super(source + ": " + message);
  }

  public BpeFormatException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
  }
}
