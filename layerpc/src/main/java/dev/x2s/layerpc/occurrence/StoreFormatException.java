package dev.x2s.layerpc.occurrence;

import java.io.IOException;
import java.nio.file.Path;

/** A corrupt or foreign occurrence store: names the file and the byte offset. */
public final class StoreFormatException extends IOException {
  public StoreFormatException(Path file, long offset, String message) {
    super(file + " @ byte " + offset + ": " + message);
  }
}
