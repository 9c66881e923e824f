package dev.x2s.evaluate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {
  @TempDir Path dir;

  private static EvaluationReport report() {
    VectorResults glove = new VectorResults("glove", 10, 3, List.of(
        new BenchmarkScore("simlex999", "spearman", 0.25, new Coverage(998, 999, "pairs")),
        new BenchmarkScore("bless", "purity", 0.8, new Coverage(200, 200, "words"),
            "ward-euclidean")));
    VectorResults x2s = new VectorResults("x2s|bert, layer 6", 5, 3, List.of(
        new BenchmarkScore("bless", "purity", Double.NaN, new Coverage(0, 200, "words")),
        new BenchmarkScore("google", "3cosadd", 0.5, new Coverage(2, 4, "questions"))));
    return new EvaluationReport("skip", 300000, List.of(glove, x2s));
  }

  @Test
  void markdown() {
    assertEquals(
        "| vectors | simlex999/spearman | bless/purity | google/3cosadd |\n"
            + "|---|---:|---:|---:|\n"
            + "| glove | 0.2500 (998/999) | 0.8000 ward-euclidean (200/200) |   |\n"
            + "| x2s\\|bert, layer 6 |   | n/a (0/200) | 0.5000 (2/4) |\n"
            + "\n"
            + "Protocol `skip`, analogy search space: first 300000 rows. Coverage in parentheses:"
            + " pairs, words, questions covered/total.\n",
        report().toMarkdown());
  }

  @Test
  void csv() {
    assertEquals(
        "vectors,simlex999/spearman,simlex999/spearman:covered,simlex999/spearman:total,"
            + "bless/purity,bless/purity:covered,bless/purity:total,bless/purity:method,"
            + "google/3cosadd,google/3cosadd:covered,google/3cosadd:total\r\n"
            + "glove,0.25,998,999,0.8,200,200,ward-euclidean,,,\r\n"
            + "\"x2s|bert, layer 6\",,,,,0,200,,0.5,2,4\r\n",
        report().toCsv());
  }

  @Test
  void json() {
    JsonObject o = JsonParser.parseString(report().toJson()).getAsJsonObject();
    assertEquals("skip", o.get("protocol").getAsString());
    assertEquals(300000, o.get("analogyLimit").getAsInt());
    JsonObject first = o.getAsJsonArray("vectors").get(0).getAsJsonObject();
    assertEquals("glove", first.get("name").getAsString());
    JsonObject bless = first.getAsJsonArray("scores").get(1).getAsJsonObject();
    assertEquals("purity", bless.get("metric").getAsString());
    assertEquals(0.8, bless.get("score").getAsDouble());
    assertEquals(200, bless.get("covered").getAsInt());
    assertEquals("words", bless.get("unit").getAsString());
    assertEquals("ward-euclidean", bless.get("method").getAsString());
    JsonObject nan = o.getAsJsonArray("vectors").get(1).getAsJsonObject()
        .getAsJsonArray("scores").get(0).getAsJsonObject();
    assertEquals(true, nan.get("score").isJsonNull());
  }

  @Test
  void writesAtomicallyByExtension() throws IOException {
    EvaluationReport r = report();
    r.write(dir.resolve("out/report.md"));
    r.write(dir.resolve("out/report.csv"));
    r.write(dir.resolve("out/report.json"));
    assertEquals(r.toMarkdown(), Files.readString(dir.resolve("out/report.md")));
    assertEquals(r.toCsv(), Files.readString(dir.resolve("out/report.csv")));
    assertEquals(r.toJson(), Files.readString(dir.resolve("out/report.json")));
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertEquals(3, s.count(), "no temp files left");
    }
    assertThrows(IllegalArgumentException.class, () -> r.write(dir.resolve("report.txt")));
  }
}
