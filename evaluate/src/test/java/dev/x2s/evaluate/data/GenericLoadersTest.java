package dev.x2s.evaluate.data;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericLoadersTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void wordPairsInEveryLayout() throws IOException {
    List<RatedPair> expected = List.of(new RatedPair("cat", "dog", 7.5),
        new RatedPair("car", "tree", 1));
    String[] texts = {
      "cat dog 7.5\ncar   tree 1\n",              // whitespace, no header
      "w1\tw2\tscore\r\ncat\tdog\t7.5\r\ncar\ttree\t1", // TSV, header, CRLF, no final newline
      "\uFEFFword1,word2,sim\ncat,dog,7.5\n\ncar,tree,1\n\n", // BOM, CSV, header, blank lines
      "cat dog 7.5 x y\ncar tree 1 z\n",          // extra columns ignored
    };
    for (int i = 0; i < texts.length; i++) {
      SimilarityDataset d = SimilarityLoader.load(file("pairs" + i + ".txt", texts[i]));
      assertEquals(expected, d.pairs(), texts[i]);
    }
  }

  /* A header and a non-numeric third column: the first numeric column is the score. */
  @Test
  void firstNumericColumnAfterHeader() throws IOException {
    Path p = file("simlex-like.tsv", "word1\tword2\tPOS\tSimLex999\tSD\nold\tnew\tA\t1.58\t0.41\n");
    assertEquals(List.of(new RatedPair("old", "new", 1.58)), SimilarityLoader.load(p).pairs());
    assertEquals(SimilarityLoader.simLex999(
            SharedData.benchmarks().resolve("similarity/SimLex-999.txt")).pairs(),
        SimilarityLoader.load(
            SharedData.benchmarks().resolve("similarity/SimLex-999.txt")).pairs());
  }

  @Test
  void namedScoreColumn() throws IOException {
    Path p = file("named.tsv", "a\tb\tPOS\tScore\ncat\tdog\tN\t3.25\n");
    assertEquals(List.of(new RatedPair("cat", "dog", 3.25)),
        SimilarityLoader.load(p, "score").pairs());
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> SimilarityLoader.load(p, "SimLex999"));
    assertTrue(e.getMessage().contains("named.tsv:1"), e.getMessage());
  }

  @Test
  void malformedPairLinesNameFileAndLine() throws IOException {
    Path bad = file("bad.txt", "cat dog 7.5\ncar tree\n");
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> SimilarityLoader.load(bad));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(bad + ":2: "), e.getMessage());
    Path nan = file("nan.txt", "cat dog 7.5\ncar tree high\n");
    e = assertThrows(BenchmarkFormatException.class, () -> SimilarityLoader.load(nan));
    assertTrue(e.getMessage().contains("nan.txt:2: score 'high' is not a number"),
        e.getMessage());
    Path empty = file("empty.txt", "\n\n");
    assertThrows(BenchmarkFormatException.class, () -> SimilarityLoader.load(empty));
  }

  @Test
  void questionsWordsFormat() throws IOException {
    Path p = file("q.txt", "a b c d\n: sec1\r\nA B C D\n\n: sec2\nw x y z");
    AnalogyDataset d = AnalogyLoader.questionsWords(p);
    assertEquals(List.of("default", "sec1", "sec2"), d.sections());
    assertEquals(new AnalogyQuestion("A", "B", "C", "D", 1), d.questions().get(1));
    assertEquals(new AnalogyQuestion("w", "x", "y", "z", 2), d.questions().get(2));
    Path bad = file("qbad.txt", ": s\na b c d\na b c\n");
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> AnalogyLoader.questionsWords(bad));
    assertEquals(3, e.line());
  }

  @Test
  void msrCsv() throws IOException {
    Path ok = file("m.csv", ",type,word1,word2,word3,target\r\n0,T,a,b,c,d\r\n1,U,e,f,g,h");
    AnalogyDataset d = AnalogyLoader.msr(ok);
    assertEquals(List.of("T", "U"), d.sections());
    assertEquals(new AnalogyQuestion("e", "f", "g", "h", 1), d.questions().get(1));
    Path noHeader = file("m2.csv", "0,T,a,b,c,d\n");
    assertThrows(BenchmarkFormatException.class, () -> AnalogyLoader.msr(noHeader));
    Path short5 = file("m3.csv", ",type,word1,word2,word3,target\n0,T,a,b,c\n");
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> AnalogyLoader.msr(short5));
    assertEquals(2, e.line());
  }

  @Test
  void categoryCsvLayouts() throws IOException {
    List<CategorizedWord> expected = List.of(new CategorizedWord("cat", "animal"),
        new CategorizedWord("saw", "tool"));
    String[] texts = {
      ",category,word\n0,animal,cat\n1,animal,\n2,tool,saw\n", // pandas index, empty-word row
      "category,word\r\nanimal,cat\r\n\r\ntool,saw",            // header, CRLF, blank row
      "word,category\ncat,animal\nsaw,tool\n",                  // columns by header name
      "animal,cat\ntool,saw\n",                                  // no header
      "0,animal,cat\n1,tool,saw\n",                              // no header, index column
    };
    for (int i = 0; i < texts.length; i++) {
      assertEquals(expected, CategorizationLoader.load(file("c" + i + ".csv", texts[i])).words(),
          texts[i]);
    }
    Path bad = file("cbad.csv", "category,word\nanimal,cat\ntool\n");
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> CategorizationLoader.load(bad));
    assertEquals(3, e.line());
    Path noClass = file("cbad2.csv", "category,word\n,cat\n");
    assertThrows(BenchmarkFormatException.class, () -> CategorizationLoader.load(noClass));
  }

  @Test
  void semEvalFiles() throws IOException {
    Files.createDirectories(dir.resolve("se/dev"));
    Files.createDirectories(dir.resolve("se/test"));
    String questions = "Question 1(a)\n\nConsider the following word pairs:\n\nx:y\nbulwark: flimsy\n"
        + "\nWhat relation best describes these X:Y word pairs?\nfoo:bar\n";
    Files.writeString(dir.resolve("se/dev/Phase1Questions-1a.txt"), questions);
    Files.writeString(dir.resolve("se/dev/GoldRatings-1a.txt"),
        "# header\n#\n  74.0 \"tool:hammer\"\n-46.9 \"oak:tree\"");
    Files.writeString(dir.resolve("se/test/Phase1Questions-10a.txt"), questions);
    Files.writeString(dir.resolve("se/test/GoldRatings-10a.txt"), "1 \"a:b\"\n");
    Files.writeString(dir.resolve("se/test/Phase1Questions-2a.txt"), questions);
    Files.writeString(dir.resolve("se/test/GoldRatings-2a.txt"), "1 \"a:b\"\n");
    RelationDataset d = SemEvalLoader.load(dir.resolve("se"));
    assertEquals(List.of("1a", "2a", "10a"), d.categories().stream().map(RelationCategory::id)
        .toList());
    RelationCategory c = d.categories().get(0);
    assertEquals(List.of(new WordPair("x", "y"), new WordPair("bulwark", "flimsy")),
        c.prototypes());
    assertEquals(List.of(new RatedPair("tool", "hammer", 74.0),
        new RatedPair("oak", "tree", -46.9)), c.gold());

    Files.writeString(dir.resolve("se/test/GoldRatings-2a.txt"), "1 \"a:b\"\nabc \"c:d\"\n");
    BenchmarkFormatException e =
        assertThrows(BenchmarkFormatException.class, () -> SemEvalLoader.load(dir.resolve("se")));
    assertTrue(e.getMessage().contains("GoldRatings-2a.txt:2"), e.getMessage());
    Files.writeString(dir.resolve("se/test/GoldRatings-2a.txt"), "1 \"a:b\"\n");
    Files.writeString(dir.resolve("se/test/Phase1Questions-2a.txt"),
        "Consider the following word pairs:\nx-y\nWhat relation best describes\n");
    e = assertThrows(BenchmarkFormatException.class, () -> SemEvalLoader.load(dir.resolve("se")));
    assertTrue(e.getMessage().contains("Phase1Questions-2a.txt:2"), e.getMessage());
    Files.delete(dir.resolve("se/test/Phase1Questions-2a.txt"));
    assertThrows(BenchmarkFormatException.class, () -> SemEvalLoader.load(dir.resolve("se")));
  }
}
