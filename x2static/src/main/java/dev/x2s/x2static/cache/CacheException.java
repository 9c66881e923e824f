package dev.x2s.x2static.cache;

import java.io.IOException;
import java.nio.file.Path;

/** A context cache is corrupt, incomplete or belongs to another corpus/teacher; names the file. */
public final class CacheException extends IOException {
  public CacheException(Path where, String what) {
    super(where + ": " + what);
  }
}
