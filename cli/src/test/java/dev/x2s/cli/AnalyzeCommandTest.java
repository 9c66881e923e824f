package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.layerpc.occurrence.OccurrenceStoreWriter;
import dev.x2s.layerpc.occurrence.StoreLayout;
import dev.x2s.teachers.WordStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path dir;

  /** Three words × three occurrences in 2-D, stored at model layers 0 and 1 (layer 1 = 3 × layer 0). */
  private Path store() throws IOException {
    float[][] rows = {{1, 0, 0, 1, 1, 1}, {1, 0, 2, 0, -1, 0}, {3, 4, 4, 3, 0, 5}};
    StoreLayout layout = new StoreLayout(2, new int[] {0, 1}, new String[] {"a", "b", "c"}, new int[] {3, 3, 3},
        new long[] {3, 3, 3}, new long[] {3, 3, 3});
    Path done = dir.resolve("toy.x2o");
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(dir.resolve("toy.partial"), layout)) {
      for (int word = 0; word < 3; word++) {
        for (int k = 0; k < 3; k++) {
          float x = rows[word][2 * k];
          float y = rows[word][2 * k + 1];
          w.put(word, k, word == 2 ? 3 + k : k, word == 1 ? 1 : 0,
              new WordStates(2, 1, 2, new float[] {x, y, 3 * x, 3 * y}), 0);
        }
      }
      w.finish(done);
    }
    return done;
  }

  @Test
  void writesJsonAndPlotsForStoresAndIsotropyForVectors() throws IOException {
    Path vectors = dir.resolve("v.txt");
    Files.writeString(vectors, "4 2\nx 1 0\ny -1 0\nz 0 1\nw 0 -1\n");
    Path out = dir.resolve("out");
    int rc = Main.commandLine().execute("analyze", "--store", store().toString(), "--name", "Toy",
        "--vectors", vectors.toString(), "--out", out.toString(), "--min-occurrences", "3", "--seed", "7",
        "--clusters", "1", "-q");
    assertEquals(0, rc);
    JsonObject root = JsonParser.parseString(Files.readString(out.resolve("geometry.json"))).getAsJsonObject();
    JsonObject teacher = root.getAsJsonArray("teachers").get(0).getAsJsonObject();
    assertEquals("Toy", teacher.get("name").getAsString());
    JsonObject layer1 = teacher.getAsJsonArray("layers").get(1).getAsJsonObject();
    assertEquals(1, layer1.get("layer").getAsInt());
    // (√2/3 − 1/3 + 59/75) / 3, hand-derived in distill's MetricsTest; scaling by 3 changes no cosine
    assertEquals((Math.sqrt(2) / 3 - 1.0 / 3 + 59.0 / 75) / 3,
        layer1.getAsJsonObject("selfSimilarity").get("raw").getAsDouble(), 1e-6);
    // ±e1, ±e2: Z(c) = 2e + 2 for every eigen-direction → I(V) = 1
    assertEquals(1.0, root.getAsJsonArray("staticSets").get(0).getAsJsonObject().get("isotropy").getAsDouble(),
        1e-12);
    // one cluster, centred: the set is already zero-mean → the same I(V) = 1
    assertEquals(1.0, root.getAsJsonArray("staticSets").get(0).getAsJsonObject().getAsJsonObject("clusterIsotropy")
        .get("meanIsotropy").getAsDouble(), 1e-12);
    assertEquals(7, root.getAsJsonObject("options").get("seed").getAsInt());
    for (String png : new String[] {"anisotropy.png", "self_similarity.png", "mev_paper.png"}) {
      assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() > 0, png);
    }
  }

  @Test
  void manifoldViewOfStoresAndVectors() throws IOException {
    Path vectors = dir.resolve("v.txt");
    Files.writeString(vectors, "6 2\nx 1 0\ny -1 0\nz 0 1\nw 0 -1\nu 2 2\nt -2 2\n");
    Path out = dir.resolve("out");
    int rc = Main.commandLine().execute("analyze", "--store", store().toString(), "--vectors", vectors.toString(),
        "--out", out.toString(), "--min-occurrences", "3", "--manifold", "--k-range", "2-3", "--cluster-points", "5",
        "--lid-k", "3", "--lid-points", "9", "--lid-queries", "9", "--view-word", "b", "-q");
    assertEquals(0, rc);
    JsonObject root = JsonParser.parseString(Files.readString(out.resolve("geometry.json"))).getAsJsonObject();
    JsonObject m = root.getAsJsonArray("teachers").get(0).getAsJsonObject().getAsJsonArray("manifold").get(1)
        .getAsJsonObject();
    assertEquals(1, m.get("layer").getAsInt());
    assertEquals("b", m.getAsJsonObject("view").get("word").getAsString());
    assertEquals(9, m.getAsJsonObject("clusters").getAsJsonArray("sizes").asList().stream()
        .mapToInt(e -> e.getAsInt()).sum());
    assertTrue(root.getAsJsonArray("staticSets").get(0).getAsJsonObject().getAsJsonObject("lid").get("mean")
        .getAsDouble() > 0);
    for (String png : new String[] {"lid.png", "mms.png", "cluster_isotropy.png", "view3d-toy-b.png"}) {
      assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() > 0, png);
    }
    assertEquals(2, Main.commandLine().execute("analyze", "--store", store().toString(), "--out", out.toString(),
        "--manifold", "--view-word", "nope", "-q"));
  }

  @Test
  void defaultNames() throws IOException {
    Path run = Files.createDirectories(dir.resolve("bert-run"));
    assertEquals("bert-run", AnalyzeCommand.defaultName(run.resolve("occurrences.x2o")));
    assertEquals("gpt2", AnalyzeCommand.defaultName(run.resolve("gpt2.x2o")));
    Files.writeString(run.resolve("run.json"), "{\"teacher\": {\"id\": \"bert-base-uncased\", \"dim\": 768}}");
    assertEquals("bert-base-uncased", AnalyzeCommand.defaultName(run.resolve("occurrences.x2o")));
  }

  @Test
  void nothingToAnalyseFails() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    assertTrue(cl.execute("analyze", "--out", dir.toString()) != 0);
    assertTrue(err.toString().contains("nothing to analyse"), err.toString());
  }
}
