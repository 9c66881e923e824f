package dev.x2s.vectors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A vector file is malformed. The message names the file and the position: the 1-based line for text
 * formats, the 0-based byte offset for binary formats.
 */
public final class VectorFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final long offset;
  private final String detail;

  private VectorFormatException(Path file, long line, long offset, String message) {
    this(file, line, offset, message, message);
  }

  private VectorFormatException(Path file, long line, long offset, String message, String detail) {
    super(message);
    this.detail = detail;
    this.file = file;
    this.line = line;
    this.offset = offset;
  }

  /** A problem on 1-based {@code line} of a text file. */
  public static VectorFormatException atLine(Path file, long line, String what) {
    return new VectorFormatException(file, line, -1, file + ":" + line + ": " + what);
  }

  /** A problem at 0-based byte {@code offset} of a binary file. */
  public static VectorFormatException atOffset(Path file, long offset, String what) {
    return new VectorFormatException(file, -1, offset, file + " at byte " + offset + ": " + what);
  }

  /**
   * A problem in {@code file} (a file of a folder format, or a JSON or safetensors file) that
   * {@code what} locates itself, e.g. {@code "byte offset 8: header is not valid JSON"}.
   */
  public static VectorFormatException inFile(Path file, String what) {
    return new VectorFormatException(file, -1, -1, file + ": " + what, what);
  }

  /** The message without the file name in front (for callers that wrap it in their own exception). */
  public String detail() {
    return detail;
  }

  /** The file, or null. */
  public Path file() {
    return file;
  }

  /** The 1-based line, or -1 for a binary position. */
  public long line() {
    return line;
  }

  /** The 0-based byte offset, or -1 for a text position. */
  public long offset() {
    return offset;
  }
}
