package dev.x2s.vectors;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's directory, is
 * forced to disk, and is renamed over the target with {@code ATOMIC_MOVE}. On any failure the
 * temporary file is deleted, so readers see either the old file or the complete new one.
 */
public final class AtomicFiles {
  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} atomically with the bytes {@code body} produces (buffered stream). */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean ok = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out =
              new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 20)) {
        body.write(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot atomically replace " + abs + " (file system?)", e);
      }
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
