package dev.x2s.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListTest {
  @TempDir Path dir;

  /** An npm-style tarball: {@code package/package.json} and the given {@code package/index.json}. */
  static byte[] tarball(String indexJson, String member) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      add(tar, "package/package.json", "{\"name\":\"words\"}");
      add(tar, member, indexJson);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(b.length);
    tar.putArchiveEntry(e);
    tar.write(b);
    tar.closeArchiveEntry();
  }

  @Test
  void readsTheJsonArrayOfAnNpmTarballInOrderWithoutDuplicates() throws IOException {
    Path f = dir.resolve("w.tgz");
    Files.write(f, tarball("[\"aardvark\", \"zebra\", \"new york\", \"aardvark\", \"café\"]", WordList.NPM_MEMBER));
    assertEquals(List.of("aardvark", "zebra", "new york", "café"), WordList.read(f, "npm-json-array-tgz"));
  }

  @Test
  void badInputNamesTheFileAndWhatIsWrong() throws IOException {
    Path missing = dir.resolve("missing.tgz");
    Files.write(missing, tarball("[]", "package/other.json"));
    IOException e = assertThrows(IOException.class, () -> WordList.read(missing, "npm-json-array-tgz"));
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no package/index.json"),
        e.getMessage());

    Path notWords = dir.resolve("numbers.tgz");
    Files.write(notWords, tarball("[\"a\", 3]", WordList.NPM_MEMBER));
    e = assertThrows(IOException.class, () -> WordList.read(notWords, "npm-json-array-tgz"));
    assertTrue(e.getMessage().contains("element 1 is not a word"), e.getMessage());

    Path notGzip = dir.resolve("plain.tgz");
    Files.writeString(notGzip, "just text");
    e = assertThrows(IOException.class, () -> WordList.read(notGzip, "npm-json-array-tgz"));
    assertTrue(e.getMessage().startsWith(notGzip.toString()), e.getMessage());
  }

  @Test
  void theManifestsWordListResolvesFromTheCacheOnlyWithItsPinnedChecksum() throws IOException {
    byte[] tgz = tarball("[\"frog\", \"toad\"]", WordList.NPM_MEMBER);
    String sha = Sha256.of(new java.io.ByteArrayInputStream(tgz));
    Manifest m = Manifest.parse(
        ManifestTest.DATASETS_HEADER + "w\twordlist\tfile\twordlists/w.tgz\tMIT\tnone\tfixture\n",
        ManifestTest.FILES_HEADER + "w\twordlists/w.tgz\tnpm-json-array-tgz\t" + tgz.length + "\t" + sha
            + "\t-\thttps://registry.example/w.tgz\tdownload\t-\t-\n");
    Path cache = dir.resolve("cache");
    Files.createDirectories(cache.resolve("wordlists"));
    Files.write(cache.resolve("wordlists/w.tgz"), tgz);
    DatasetResolver r = DatasetResolver.builder().manifest(m).env(k -> null).searchShared(false)
        .cacheDir(cache).download(false).build();
    assertEquals(Task.WORDLIST, m.entry("w").task());
    assertEquals(List.of("frog", "toad"), WordList.read(r.resolve("w")));
  }

  @Test
  void theShippedManifestPinsAtLeast200kEnglishWordsFromNpm() {
    DatasetEntry e = Manifest.bundled().entry("english-words");
    assertEquals(Task.WORDLIST, e.task());
    DatasetFile f = e.files().get(0);
    assertTrue(f.sourceUrl().startsWith("https://registry.npmjs.org/an-array-of-english-words/"), f.sourceUrl());
    assertEquals(64, f.sha256().length());
    assertEquals("MIT", e.licence());
  }
}
