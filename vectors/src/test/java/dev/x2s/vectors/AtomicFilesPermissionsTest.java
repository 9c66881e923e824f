package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesPermissionsTest {
  @TempDir Path dir;

  @Test
  void newFilesAreReadableByOthersNotOwnerOnlyLikeTempFiles() throws Exception {
    Path f = dir.resolve("v.txt");
    AtomicFiles.writeString(f, "x");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void replacedFilesKeepTheirPermissions() throws Exception {
    Path f = dir.resolve("v.txt");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.writeString(f, "new");
    assertEquals("new", Files.readString(f));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }
}
