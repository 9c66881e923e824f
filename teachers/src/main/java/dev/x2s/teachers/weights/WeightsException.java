package dev.x2s.teachers.weights;

/**
 * A checkpoint or weight file is unusable: corrupt (checksum), truncated, missing a tensor, or with a
 * tensor of the wrong shape. The message names the file (and the offset or tensor where known).
 */
public class WeightsException extends RuntimeException {
  private final String source;

  public WeightsException(String source, String message) {
    super(source + ": " + message);
    this.source = source;
  }

  public WeightsException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
  }

  /** The file or resource that is wrong. */
  public String source() {
    return source;
  }
}
