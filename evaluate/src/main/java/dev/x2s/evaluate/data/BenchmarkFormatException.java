package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.file.Path;

/** A benchmark file that cannot be parsed; the message names file, line and what is wrong. */
public final class BenchmarkFormatException extends IOException {
  private final Path file;
  private final int line;

  /**
   * @param file the offending file
   * @param line 1-based line number, or 0 when the problem concerns the whole file
   * @param problem what is wrong
   */
  public BenchmarkFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number (0 for whole-file problems). */
  public int line() {
    return line;
  }
}
