package dev.x2s.data;

import java.io.IOException;

/** A manifest table is malformed; the message names the table and line. */
public class ManifestFormatException extends IOException {
  public ManifestFormatException(String message) {
    super(message);
  }
}
