package dev.x2s.data;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order, layouts, checksum errors and the verified-state sidecar (no network). */
class DatasetResolverTest {
  static final String WS_SIM = "benchmarks-data/similarity/WS-353-SIM.txt";
  // From shared/benchmarks-data/MANIFEST.tsv (row similarity/WS-353-SIM.txt).
  static final String WS_SIM_SHA = "f1da938998863c94e53f72f984a5c6e215f0b46c323aae8f0f4930703a339107";
  // `printf 'corrupted\n' | sha256sum`
  static final String CORRUPTED_SHA = "3dff7d61038895144c0eca9d06ac8d067919785a5ba2604db7aef154899a494d";

  @TempDir Path tmp;

  static Path copyShared(String manifestPath, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(SharedData.dir().resolve(manifestPath), to);
  }

  DatasetResolver.Builder offline(Map<String, String> env) {
    return DatasetResolver.builder()
        .env(env::get)
        .workingDir(tmp.resolve("nowhere"))
        .searchShared(false) // a shared/ above the temp dir must not answer for the cache
        .cacheDir(tmp.resolve("cache"))
        .download(false);
  }

  @Test
  void resolutionOrderDataThenEnvThenSharedThenCache() throws IOException {
    Path a = copyShared(WS_SIM, tmp.resolve("a").resolve(WS_SIM)); // shared/ layout
    Path b = copyShared(WS_SIM, tmp.resolve("b/similarity/WS-353-SIM.txt")); // benchmarks-data layout
    Path s = copyShared(WS_SIM, tmp.resolve("tree/shared").resolve(WS_SIM));
    Path c = copyShared(WS_SIM, tmp.resolve("cache").resolve(WS_SIM));
    Path wd = Files.createDirectories(tmp.resolve("tree/project/sub"));
    DatasetResolver r =
        offline(Map.of("X2S_DATA", tmp.resolve("b").toString()))
            .dataDir(tmp.resolve("a"))
            .workingDir(wd)
            .searchShared(true)
            .build();

    ResolvedDataset d = r.resolve("ws353-sim");
    assertEquals(a, d.root());
    assertTrue(d.source().startsWith("--data"), d.source());
    Files.delete(a);
    assertEquals(b, r.resolveFile("ws353-sim"));
    Files.delete(b);
    assertEquals(s, r.resolveFile("ws353-sim"));
    assertEquals(tmp.resolve("tree/shared"), DatasetResolver.findShared(wd));
    Files.delete(s);
    assertEquals(c, r.resolveFile("ws353-sim"));
    Files.delete(c);

    DatasetNotFoundException e =
        assertThrows(DatasetNotFoundException.class, () -> r.resolve("ws353-sim"));
    String msg = e.getMessage();
    assertTrue(msg.startsWith("dataset 'ws353-sim' not found. Looked in:"), msg);
    for (String where :
        List.of("--data " + tmp.resolve("a") + ": no " + WS_SIM,
            "$X2S_DATA " + tmp.resolve("b") + ": no " + WS_SIM,
            "shared directory " + tmp.resolve("tree/shared") + ": no " + WS_SIM,
            "cache " + tmp.resolve("cache") + ": no " + WS_SIM,
            "downloading is disabled")) {
      assertTrue(msg.contains(where), "missing '" + where + "' in:\n" + msg);
    }
  }

  @Test
  void notFoundSaysNoSharedDirectoryAbove() {
    org.junit.jupiter.api.Assumptions.assumeTrue(DatasetResolver.findShared(tmp) == null,
        "a shared/ directory above " + tmp + " would answer");
    DatasetResolver r = offline(Map.of()).searchShared(true).build();
    DatasetNotFoundException e =
        assertThrows(DatasetNotFoundException.class, () -> r.resolve("rw"));
    assertTrue(
        e.getMessage().contains("no shared/benchmarks-data in " + tmp.resolve("nowhere") + " or any parent"),
        e.getMessage());
  }

  @Test
  void checksumMismatchNamesFileExpectedAndFound() throws IOException {
    Path bad = tmp.resolve("a").resolve(WS_SIM);
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "corrupted\n");
    DatasetResolver r = offline(Map.of()).dataDir(tmp.resolve("a")).build();
    ChecksumMismatchException e =
        assertThrows(ChecksumMismatchException.class, () -> r.resolve("ws353-sim"));
    assertEquals(
        "sha256 mismatch for " + WS_SIM + " (" + bad + "): expected " + WS_SIM_SHA + ", found "
            + CORRUPTED_SHA,
        e.getMessage());
  }

  @Test
  void sidecarSkipsRehashWhileSizeAndMtimeAreUnchanged() throws IOException {
    Path f = copyShared(WS_SIM, tmp.resolve("a").resolve(WS_SIM));
    DatasetResolver r = offline(Map.of()).dataDir(tmp.resolve("a")).build();
    r.resolve("ws353-sim");
    assertTrue(Files.readString(tmp.resolve("cache/.verified.tsv")).contains(WS_SIM_SHA));

    // Same size, same mtime, different bytes: the recorded verification is trusted (no re-hash) ...
    FileTime mtime = Files.getLastModifiedTime(f);
    byte[] bytes = Files.readAllBytes(f);
    bytes[0] ^= 1;
    Files.write(f, bytes);
    Files.setLastModifiedTime(f, mtime);
    DatasetResolver again = offline(Map.of()).dataDir(tmp.resolve("a")).build(); // fresh instance
    assertEquals(f, again.resolveFile("ws353-sim"));

    // ... and once the mtime moves, the file is hashed again and the damage is found.
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtime.toMillis() + 2000));
    assertThrows(ChecksumMismatchException.class, () -> again.resolve("ws353-sim"));
  }

  @Test
  void directoryEntryResolvesAllFiles() throws IOException {
    Path src = SharedData.dir().resolve("benchmarks-data/relational/semeval2012-task2");
    Path dst = tmp.resolve("data/relational/semeval2012-task2"); // benchmarks-data layout
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path to = dst.resolve(src.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    DatasetResolver r = offline(Map.of()).dataDir(tmp.resolve("data")).build();
    ResolvedDataset d = r.resolve("semeval2012-task2");
    assertEquals(dst, d.root());
    assertEquals(316, d.files().size());
    Path gold = d.file("benchmarks-data/relational/semeval2012-task2/test/GoldRatings-9i.txt");
    assertEquals(dst.resolve("test/GoldRatings-9i.txt"), gold);

    Files.delete(dst.resolve("dev/Phase1Questions-1a.txt"));
    DatasetNotFoundException e =
        assertThrows(DatasetNotFoundException.class, () -> r.resolve("semeval2012-task2"));
    assertTrue(
        e.getMessage().contains(
            "1 of 316 files under benchmarks-data/relational/semeval2012-task2 missing"),
        e.getMessage());
  }

  @Test
  void gzipWithOtherBytesButSameContentIsAccepted() throws IOException {
    // A corpus-like entry: the reference gz's sha256 (all zeros here) cannot match our gz, but the
    // decompressed content does. Content sha: `printf 'a\nb\nc\n' | sha256sum`.
    Manifest m = ConcatFixture.manifest("http://unused.invalid/");
    Path data = tmp.resolve("data");
    Path gz = data.resolve("corpora/c.txt.gz");
    Files.createDirectories(gz.getParent());
    Files.write(gz, ConcatFixture.gzip("a\nb\nc\n"));
    DatasetResolver r = offline(Map.of()).manifest(m).dataDir(data).build();
    assertEquals(gz, r.resolveFile("c"));

    Files.write(gz, ConcatFixture.gzip("a\nb\n"));
    Files.setLastModifiedTime(gz, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> r.resolve("c"));
    // `printf 'a\nb\n' | sha256sum`
    assertTrue(
        e.getMessage().contains(
            "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2 (decompressed content)"),
        e.getMessage());
    assertArrayEquals(
        "a\nb\n".getBytes(StandardCharsets.UTF_8), ConcatFixture.gunzip(gz));
  }

  static List<Path> regularFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    }
  }
}
