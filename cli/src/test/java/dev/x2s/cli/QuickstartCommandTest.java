package dev.x2s.cli;

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
  void quickstartWritesEveryVectorFileTheReportAndTheSummaryAndRerunsFromItsCaches() throws Exception {
    Path teacher = TinyModels.bert(tmp.resolve("tiny-bert"), TopicCorpus.vocabulary(), 11);
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 200, 5);
    Path out = tmp.resolve("quickstart");
    String[] args = {"quickstart", "--teacher", teacher.toString(), "--corpus", corpus.toString(),
        "--sentences", "300", "--pc-sentences", "100", "--student-epochs", "2", "--baseline-dim", "8",
        "--out", out.toString(), "--data", SharedData.dir().toString(), "--offline", "-q"};
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.err());

    JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("quickstart.json"))).getAsJsonObject();
    List<Path> files = new ArrayList<>();
    for (JsonElement f : summary.getAsJsonArray("files")) {
      files.add(Path.of(f.getAsString()));
    }
    // the student, word2vec, and pc + mean of layers 1 and -1 (= 2 of the tiny BERT's 0..2)
    assertEquals(6, files.size(), files.toString());
    Set<String> corpusWords = new HashSet<>(TopicCorpus.vocabulary());
    corpusWords.add("."); // x2s's tokenizer keeps punctuation as words
    for (Path f : files) {
      WordVectors v = VectorFiles.read(f);
      boolean word2vec = f.getFileName().toString().startsWith("word2vec");
      assertEquals(word2vec ? 8 : TinyModels.BERT_HIDDEN, v.dim(), f.toString());
      assertTrue(v.size() > 0 && corpusWords.containsAll(v.words()), f + ": " + v.words());
    }
    Path student = files.get(0);
    assertEquals(out.resolve("x2static-tiny-bert.x2v"), student); // named after the directory, not its path
    assertTrue(files.stream().anyMatch(f -> f.endsWith(Path.of("layer-pc", "pc-layer2.x2v"))), files.toString());

    // one report row per vector file, every row scored on the benchmarks
    JsonObject report = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
    JsonArray rows = report.getAsJsonArray("vectors");
    assertEquals(files.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      assertEquals(files.get(i).getFileName().toString(), row.get("name").getAsString());
      assertTrue(row.getAsJsonArray("scores").size() >= 9, row.toString());
    }
    // the table printed is the headline of that report: one line per file
    for (Path f : files) {
      assertTrue(r.out().contains("| " + f.getFileName() + " |"), r.out());
    }
    assertTrue(Files.isRegularFile(out.resolve("report.md")));

    // a rerun reuses the teacher contexts of the first
    CliTest.Run again = CliTest.run(args);
    assertEquals(0, again.code(), again.err());
    JsonObject provenance = JsonParser.parseString(Files.readString(Distillation.provenanceFile(student)))
        .getAsJsonObject();
    assertTrue(provenance.getAsJsonObject("cache").get("reused").getAsBoolean(), provenance.toString());
  }

  @Test
  void negativeSentenceCountIsAUsageError() {
    CliTest.Run r = CliTest.run("quickstart", "--sentences", "-5", "--out", tmp.toString(), "-q");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--sentences"), r.err());
  }
}
