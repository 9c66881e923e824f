package dev.x2s.data;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
  static final String DATASETS_HEADER = "id\ttask\tkind\troot\tlicence\tcitation\tnote\n";
  static final String FILES_HEADER =
      "entry\tpath\tformat\tbytes\tsha256\tlines\tsource_url\tassembly\tcontent_bytes\tcontent_sha256\n";

  @Test
  void bundledManifestAgreesWithSharedManifestTsv() throws IOException {
    // The reference is shared/benchmarks-data/MANIFEST.tsv (made by whoever fetched the data), not our
    // generator: every one of its rows must appear with the same sha256, line count and raw URL.
    Manifest m = Manifest.bundled();
    Map<String, DatasetFile> byPath = new HashMap<>();
    m.entries().forEach(e -> e.files().forEach(f -> byPath.put(f.path(), f)));
    List<String> rows =
        Files.readAllLines(SharedData.dir().resolve("benchmarks-data/MANIFEST.tsv"), StandardCharsets.UTF_8);
    assertEquals(327, rows.size(), "MANIFEST.tsv rows incl. header");
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split("\t");
      DatasetFile f = byPath.get("benchmarks-data/" + c[0]);
      assertTrue(f != null, "missing from bundled manifest: " + c[0]);
      assertEquals(c[1], f.sha256(), c[0]);
      assertEquals(Long.parseLong(c[2]), f.lines(), c[0]);
      assertEquals(
          "https://raw.githubusercontent.com/" + c[3] + "/" + c[4] + "/" + c[5], f.sourceUrl(), c[0]);
      assertEquals(Assembly.DOWNLOAD, f.assembly());
    }
    assertEquals(326 + 2, byPath.size(), "326 benchmark files + the corpus + the English word list");
  }

  @Test
  void entriesTasksAndDirectory() {
    Manifest m = Manifest.bundled();
    assertEquals(
        List.of("simlex999", "men", "ws353", "ws353-sim", "ws353-rel", "rw", "google", "msr", "bless",
            "ap", "semeval2012-task2", "enwiki-2015-AA", "english-words"),
        m.entries().stream().map(DatasetEntry::id).toList());
    DatasetEntry sem = m.entry("semeval2012-task2");
    assertTrue(sem.directory());
    assertEquals(Task.RELATIONAL, sem.task());
    // 10 dev + 69 test categories, 4 files each (GoldRatings, Phase1Questions, Phase2Questions/Answers)
    assertEquals(79 * 4, sem.files().size());
    assertEquals(Task.SIMILARITY, m.entry("simlex999").task());
    assertEquals("Apache-2.0", m.entry("google").licence());
    for (DatasetEntry e : m.entries()) {
      assertTrue(!e.citation().isBlank() && !e.licence().isBlank(), e.id());
    }
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> m.entry("simlex"));
    assertTrue(ex.getMessage().contains("simlex999"), ex.getMessage());
  }

  @Test
  void corpusEntryExpandsToHundredParts() throws IOException {
    DatasetFile corpus = Manifest.bundled().entry("enwiki-2015-AA").files().get(0);
    assertEquals(Assembly.CONCAT_GZIP, corpus.assembly());
    List<String> urls = corpus.sourceUrls();
    assertEquals(100, urls.size());
    String base =
        "https://raw.githubusercontent.com/jason-feng/wikiVisual/"
            + "1c0fac92f29f17c1603bfffbe864e0dfdff66897/text/AA/wiki_";
    assertEquals(base + "00", urls.get(0));
    assertEquals(base + "07", urls.get(7));
    assertEquals(base + "99", urls.get(99));
    // sha256 of the shared gz as given by `sha256sum shared/corpora/enwiki-2015-AA.wikiextractor.txt.gz`
    assertEquals("b0f2640d1c609309ecc56e59b8a04d6ca3595581556170dd2d01bc7f87e46f5f", corpus.sha256());
    // `zcat ... | sha256sum` and `zcat ... | wc -c`
    assertEquals("2af13395f799dd7982c9b62fdbad0a20521e1c22f29e5ed019f2e4703b37ad32", corpus.contentSha256());
    assertEquals(102738297L, corpus.contentBytes());
  }

  @Test
  void malformedRowsNameTheLine() {
    String datasets = "# comment\n" + DATASETS_HEADER + "x\tsimilarity\tfile\ta/x.txt\tunknown\tc\tn\n";
    String sha = "0".repeat(64);
    ManifestFormatException badSha =
        assertThrows(
            ManifestFormatException.class,
            () -> Manifest.parse(datasets, FILES_HEADER
                + "x\ta/x.txt\tf\t1\tABC\t1\thttp://h/x\tdownload\t-\t-\n"));
    assertEquals("files.tsv line 2: sha256 is not 64 lower-case hex digits: 'ABC'", badSha.getMessage());
    ManifestFormatException wrongRoot =
        assertThrows(
            ManifestFormatException.class,
            () -> Manifest.parse(datasets, FILES_HEADER
                + "x\ta/y.txt\tf\t1\t" + sha + "\t1\thttp://h/x\tdownload\t-\t-\n"));
    assertTrue(wrongRoot.getMessage().startsWith("files.tsv line 2: path a/y.txt"), wrongRoot.getMessage());
    ManifestFormatException columns =
        assertThrows(
            ManifestFormatException.class,
            () -> Manifest.parse(datasets, FILES_HEADER + "x\ta/x.txt\n"));
    assertEquals("files.tsv line 2: 2 columns, expected 10", columns.getMessage());
    ManifestFormatException noFiles =
        assertThrows(ManifestFormatException.class, () -> Manifest.parse(datasets, FILES_HEADER));
    assertTrue(noFiles.getMessage().startsWith("datasets.tsv line 3: entry 'x' has 0 files"),
        noFiles.getMessage());
  }
}
