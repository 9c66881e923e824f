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

  /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * Temporary files are created owner-only (0600); a shipped vector file or report must not be. The
   * new file gets the permissions of the file it replaces, else {@code rw-r--r--}.
   */
  private static void sharePermissions(Path tmp, Path target) throws IOException {
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
          ? Files.getPosixFilePermissions(target)
          : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the defaults
    }
  }

  /** Writes {@code target} atomically with the bytes {@code body} produces (buffered stream). */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean ok = false;
    try {
      sharePermissions(tmp, abs);
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
