package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputTest {
  private static List<TeacherGeometry> teachers() throws IOException {
    GeometryOptions o = new GeometryOptions(1, 200, 5, 5, 8, 40);
    return List.of(
        new GeometryAnalyzer(o).analyze(RandomOccurrences.source("BERT-ish", 4, 8, 20, 1), "mem", null),
        new GeometryAnalyzer(o).analyze(RandomOccurrences.source("GPT-2-ish", 3, 8, 20, 2), "mem", null));
  }

  @Test
  void plotsArePngsOfTheRequestedSize(@TempDir Path dir) throws IOException {
    List<Path> files = LayerPlots.writeAll(teachers(), dir);
    assertEquals(LayerMetric.values().length, files.size());
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f.toString());
      BufferedImage img = ImageIO.read(f.toFile());
      assertEquals(1000, img.getWidth(), f.toString());
      assertEquals(450, img.getHeight(), f.toString());
    }
    try (var s = Files.list(dir)) {
      assertEquals(files.size(), s.count(), "no temporary files left behind");
    }
  }

  @Test
  void jsonHoldsRawBaselineAndAdjusted(@TempDir Path dir) throws IOException {
    List<TeacherGeometry> t = teachers();
    GeometryReport r = new GeometryReport(new GeometryOptions(1, 200, 5, 5, 8, 40), t, List.of());
    Path f = dir.resolve("geometry.json");
    GeometryJson.write(r, f);
    JsonObject root = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
    assertEquals(1, root.getAsJsonObject("options").get("seed").getAsInt());
    JsonObject layer = root.getAsJsonArray("teachers").get(0).getAsJsonObject()
        .getAsJsonArray("layers").get(2).getAsJsonObject();
    LayerGeometry g = t.get(0).layers().get(2);
    JsonObject self = layer.getAsJsonObject("selfSimilarity");
    assertEquals(g.selfSimilarity(), self.get("raw").getAsDouble(), 0);
    assertEquals(g.randomPairCosine(), self.get("baseline").getAsDouble(), 0);
    assertEquals(g.selfSimilarityAdjusted(), self.get("adjusted").getAsDouble(), 0);
    JsonObject mev = layer.getAsJsonObject("mev");
    assertEquals(g.mevPaperFigure(), mev.get("paperFigure").getAsDouble(), 0);
    assertEquals(g.mevCentredAdjusted(), mev.getAsJsonObject("centred").get("adjusted").getAsDouble(), 0);
  }

  @Test
  void nanBecomesNull() {
    LayerGeometry g = new LayerGeometry(0, 0, 0, Double.NaN, Double.NaN,
        new ExplainedVariance.Mev(Double.NaN, Double.NaN, Double.NaN), 0.5, Double.NaN,
        new ExplainedVariance.Mev(Double.NaN, Double.NaN, Double.NaN), Double.NaN);
    String json = GeometryJson.toJson(new GeometryReport(GeometryOptions.defaults(),
        List.of(new TeacherGeometry("t", "mem", List.of(g))), List.of()));
    JsonObject layer = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("teachers").get(0)
        .getAsJsonObject().getAsJsonArray("layers").get(0).getAsJsonObject();
    assertTrue(layer.getAsJsonObject("selfSimilarity").get("raw").isJsonNull());
    assertEquals(0.5, layer.get("anisotropy").getAsDouble(), 0);
  }
}
