package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BaselineCommandTest {
  @TempDir Path tmp;

  /**
   * A WikiExtractor-format corpus (seeded): 100 paragraphs of 3 sentences "The w w w w w w." from two
   * topics (one word in ten from the other topic) — 8 words per sentence with the period.
   */
  private Path corpus() throws IOException {
    String[][] topics = {{"Cat", "dog", "horse", "cow"}, {"red", "blue", "green", "yellow"}};
    SplittableRandom rng = new SplittableRandom(3);
    List<String> lines = new ArrayList<>();
    lines.add("<doc id=\"1\" url=\"u\" title=\"Animals\">");
    lines.add("Animals");
    for (int p = 0; p < 100; p++) {
      StringBuilder para = new StringBuilder();
      for (int s = 0; s < 3; s++) {
        para.append("The");
        for (int w = 0; w < 6; w++) {
          String[] t = topics[(p + (rng.nextInt(10) == 0 ? 1 : 0)) % 2];
          para.append(' ').append(t[rng.nextInt(t.length)]);
        }
        para.append(". ");
      }
      lines.add(para.toString().strip());
    }
    lines.add("</doc>");
    Path f = tmp.resolve("corpus.txt");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void gloveWritesLoadableVectorsAndProvenance() throws IOException {
    Path c = corpus();
    Path out = tmp.resolve("glove.vec");
    assertEquals(0, run("baseline", "--method", "glove", "--corpus", c.toString(), "--dim", "8",
        "--epochs", "3", "--min-count", "2", "--lower", "--threads", "1", "--seed", "7",
        "--max-sentences", "250", "--temp-dir", tmp.toString(), "-q", "--out", out.toString()));
    WordVectors v = VectorFiles.read(out);
    assertEquals(8, v.dim());
    // lower-cased: "Cat" → "cat"; the sentence-final period is a word of its own
    assertTrue(v.contains("cat") && !v.contains("Cat") && v.contains("."), v.words().toString());
    // rows in frequency order: "." and "the" (250 each; ties by word) come first
    assertEquals(List.of(".", "the"), v.words().subList(0, 2));

    Path prov = tmp.resolve("glove.vec.provenance.json");
    JsonObject j = JsonParser.parseString(Files.readString(prov)).getAsJsonObject();
    assertEquals("glove", j.get("method").getAsString());
    assertEquals(7, j.get("seed").getAsLong());
    assertEquals("x2s baseline", j.get("tool").getAsString());
    assertEquals(8, j.getAsJsonObject("config").get("dim").getAsInt());
    assertEquals(3, j.getAsJsonObject("config").get("iterations").getAsInt());
    assertEquals(250, j.getAsJsonObject("corpus").get("max_sentences").getAsLong());
    assertEquals(250, j.getAsJsonObject("counts").get("sentences").getAsLong());
    assertEquals(250 * 8, j.getAsJsonObject("counts").get("tokens").getAsLong());
    assertEquals(v.size(), j.getAsJsonObject("counts").get("vocabulary").getAsInt());
    assertEquals(64, j.getAsJsonObject("corpus").get("sha256").getAsString().length());
    assertTrue(j.getAsJsonObject("corpus").get("lowercase").getAsBoolean());
    assertTrue(j.getAsJsonArray("command_line").size() > 10);
    assertTrue(j.getAsJsonObject("seconds").has("total") && j.getAsJsonObject("seconds").has("train"));
    assertEquals(dev.x2s.jobs.Version.x2s(), j.getAsJsonObject("versions").get("x2s").getAsString());
    assertTrue(j.getAsJsonObject("versions").has("java"));
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("x2s-glove")),
          "temporary co-occurrence files removed");
    }
  }

  @Test
  void word2vecCbowWritesLoadableVectors() throws IOException {
    Path out = tmp.resolve("cbow.txt");
    assertEquals(0, run("baseline", "--method", "w2v-cbow", "--corpus", corpus().toString(), "--dim", "8",
        "--epochs", "1", "--threads", "1", "-q", "--out", out.toString()));
    WordVectors v = VectorFiles.read(out);
    assertEquals(8, v.dim());
    assertTrue(v.contains("Cat") && v.contains("green"), v.words().toString());
    JsonObject j = JsonParser.parseString(Files.readString(tmp.resolve("cbow.txt.provenance.json")))
        .getAsJsonObject();
    assertEquals("w2v-cbow", j.get("method").getAsString());
    assertFalse(j.getAsJsonObject("config").get("skip_gram").getAsBoolean());
    assertEquals(0, j.getAsJsonObject("corpus").get("max_sentences").getAsLong()); // all
    assertEquals(300, j.getAsJsonObject("counts").get("sentences").getAsLong());
    assertTrue(j.getAsJsonObject("versions").get("dl4j").getAsString().contains("deeplearning4j"));
  }

  @Test
  void badArgumentsAreUsageErrorsAndWriteNothing() throws IOException {
    Path out = tmp.resolve("x.vec");
    Path c = corpus();
    assertEquals(2, run("baseline", "--method", "fasttext", "--corpus", c.toString(), "--out", out.toString()));
    assertEquals(2, run("baseline", "--method", "glove", "--corpus", tmp.resolve("missing").toString(),
        "--out", out.toString()));
    assertEquals(2, run("baseline", "--method", "glove", "--corpus", c.toString(), "--dim", "0",
        "--out", out.toString()));
    assertFalse(Files.exists(out));
  }
}
