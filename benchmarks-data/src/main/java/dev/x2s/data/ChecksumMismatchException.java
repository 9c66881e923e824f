package dev.x2s.data;

import java.io.IOException;
import java.nio.file.Path;

/** A file's sha256 is not the one the manifest pins; the message says which file, expected, found. */
public class ChecksumMismatchException extends IOException {
  private final Path file;
  private final String expected;
  private final String found;

  public ChecksumMismatchException(Path file, String what, String expected, String found) {
    super("sha256 mismatch for " + what + " (" + file + "): expected " + expected + ", found " + found);
    this.file = file;
    this.expected = expected;
    this.found = found;
  }

  /** The file whose checksum did not match (it may have been deleted since, if it was a download). */
  public Path file() {
    return file;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }
}
