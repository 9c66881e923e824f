package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.testing.TinyModels;
import dev.x2s.testkit.SharedData;
import dev.x2s.testkit.TopicCorpus;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import dev.x2s.x2static.Distillation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x2s quickstart} end to end, as a user runs it, on fixtures: a tiny random BERT written as a
 * Hugging Face directory and the test kit's topic corpus; benchmarks from the shared directory.
 */
class QuickstartCommandTest {
  @TempDir Path tmp;

  @Test
  void quickstartShipsEveryListedAndFrequentWordScoresAtEqualCoverageAndRerunsFromItsRuns() throws Exception {
    Path teacher = TinyModels.bert(tmp.resolve("tiny-bert"), TopicCorpus.vocabulary(), 11);
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 200, 5);
    Path list = tmp.resolve("words.txt");
    Files.writeString(list, "# listed\nNever-Seen\nformic acid\n" + TopicCorpus.vocabulary().get(0) + "\n");
    Path out = tmp.resolve("quickstart");
    String[] args = {"quickstart", "--teacher", teacher.toString(), "--corpus", corpus.toString(),
        "--sentences", "100", "--layers", "1,-1", "--no-english-words", "--words", list.toString(),
        "--student", "--student-epochs", "2", "--baseline-dim", "8",
        "--out", out.toString(), "--data", SharedData.dir().toString(), "--offline", "-q"};
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.err());

    JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("quickstart.json"))).getAsJsonObject();
    List<Path> files = new ArrayList<>();
    for (JsonElement f : summary.getAsJsonArray("files")) {
      files.add(Path.of(f.getAsString()));
    }
    // the shipped vocabulary, word2vec, the student
    assertEquals(List.of(out.resolve("vectors.x2v"), out.resolve("word2vec-cbow-8d.x2v"),
        out.resolve("x2static-tiny-bert.x2v")), files);
    WordVectors shipped = VectorFiles.read(out.resolve("vectors.x2v"));
    assertEquals(TinyModels.BERT_HIDDEN, shipped.dim());
    // every listed entry (lower-cased) has a vector, and so has every corpus word seen 5+ times
    for (String w : List.of("never-seen", "formic acid", TopicCorpus.vocabulary().get(0))) {
      assertTrue(shipped.contains(w), w);
    }
    WordVectors w2v = VectorFiles.read(out.resolve("word2vec-cbow-8d.x2v")); // min count 5 on the same sentences
    for (String w : w2v.words()) {
      assertTrue(shipped.contains(w), w);
    }
    String prov = Files.readString(out.resolve("vectors.x2v.provenance.json"));
    assertTrue(prov.contains("layers averaged") && prov.contains("\"resolved_layers\": [\n    1,\n    2\n  ]"), prov);

    // both reports have one row per file; the printed table is the equal-coverage one
    for (String name : List.of("report.json", "report-own-coverage.json")) {
      JsonObject report = JsonParser.parseString(Files.readString(out.resolve(name))).getAsJsonObject();
      JsonArray rows = report.getAsJsonArray("vectors");
      assertEquals(files.size(), rows.size(), name);
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(files.get(i).getFileName().toString(), rows.get(i).getAsJsonObject().get("name").getAsString());
      }
    }
    assertTrue(r.out().contains("skip-common"), r.out());
    for (Path f : files) {
      assertTrue(r.out().contains("| " + f.getFileName() + " |"), r.out());
    }

    // a rerun finds the layer-PC run complete and ships the same bytes
    byte[] first = Files.readAllBytes(out.resolve("vectors.x2v"));
    CliTest.Run again = CliTest.run(args);
    assertEquals(0, again.code(), again.err());
    assertArrayEquals(first, Files.readAllBytes(out.resolve("vectors.x2v")));
    JsonObject provenance = JsonParser.parseString(Files.readString(Distillation.provenanceFile(files.get(2))))
        .getAsJsonObject();
    assertTrue(provenance.getAsJsonObject("cache").get("reused").getAsBoolean(), provenance.toString());
  }

  @Test
  void aBudgetIsPlannedFromTimingsBeforeTheTeacherRuns() throws Exception {
    Path teacher = TinyModels.bert(tmp.resolve("tiny-bert"), TopicCorpus.vocabulary(), 11);
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 2000, 5);
    Path out = tmp.resolve("budget");
    CliTest.Run r = CliTest.run("quickstart", "--teacher", teacher.toString(), "--corpus", corpus.toString(),
        "--budget", "2m", "--no-english-words", "--baseline-dim", "8", "--out", out.toString(),
        "--data", SharedData.dir().toString(), "--offline");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("plan for a 2m00s teacher budget"), r.err());
    JsonObject budget = JsonParser.parseString(Files.readString(out.resolve("quickstart.json"))).getAsJsonObject()
        .getAsJsonObject("budget");
    assertTrue(budget.get("sentences").getAsLong() >= 1000, budget.toString());
    CliTest.Run bad = CliTest.run("quickstart", "--budget", "soon", "--out", tmp.toString(), "-q");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("90s, 20m or 2h"), bad.err());
  }

  @Test
  void negativeSentenceCountIsAUsageError() {
    CliTest.Run r = CliTest.run("quickstart", "--sentences", "-5", "--out", tmp.toString(), "-q");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--sentences"), r.err());
  }
}
