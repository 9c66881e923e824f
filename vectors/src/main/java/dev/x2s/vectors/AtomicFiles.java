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

  /** Writes the files of a folder (into the empty directory it is given). */
  @FunctionalInterface
  public interface FolderBody {
    void write(Path dir) throws IOException;
  }

  /**
   * Writes the folder {@code target}: {@code body} fills a temporary directory beside it, every file is
   * forced to disk, and the directory is renamed to {@code target}. A folder cannot be renamed over a
   * non-empty one, so an existing {@code target} is first renamed aside and deleted after the swap:
   * readers see the old folder, briefly none, or the complete new one — never a partial one. To protect
   * user data, an existing {@code target} is replaced only when it is empty or holds {@code marker}
   * (a file every folder of this kind has). On failure the temporary directory is deleted.
   */
  public static void writeFolder(Path target, String marker, FolderBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    boolean exists = Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (exists && !(Files.isDirectory(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && (Files.exists(abs.resolve(marker)) || isEmpty(abs)))) {
      throw new IOException(abs + " exists and is not an empty folder or a folder with " + marker
          + ": not replacing it");
    }
    String name = abs.getFileName().toString();
    Path tmp = Files.createTempDirectory(parent, "." + name + ".");
    boolean ok = false;
    try {
      body.write(tmp);
      try (java.util.stream.Stream<Path> files = Files.walk(tmp)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f)) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
              ch.force(true);
            }
          }
        }
      }
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the defaults
      }
      if (exists) {
        Path old = Files.createTempDirectory(parent, "." + name + ".old.");
        Files.delete(old);
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
          throw e;
        }
        deleteTree(old);
      } else {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      }
      ok = true;
    } finally {
      if (!ok) {
        deleteTree(tmp);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
