package dev.x2s.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionRecord;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path tmp;

  record Opts(
      @Option(defaultValue = "all", description = "N.") SentenceLimit maxSentences,
      @Option(defaultValue = "-1", description = "L.") LayerSpec layers,
      @Option(description = "F.") Path corpus) implements OptionRecord<Opts> {}

  record Info(String id, int numLayers) {}

  @Test
  void oneFrameOneKeyStyleTheVersionFromTheBuild() throws Exception {
    Opts o = OptionSet.of(Opts.class).builder().set(Opts::corpus, Path.of("c.txt")).build();
    Path out = tmp.resolve("v.x2v");
    Path file = Provenance.start("x2s test").config(o).put("teacher", new Info("t", 13))
        .put("counts", Map.of("words", 5)).version("lib", "1.2").seconds("stage_one", 1.23456).writeFor(out);
    assertEquals(tmp.resolve("v.x2v.provenance.json").toAbsolutePath(), file);
    JsonObject j = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals(List.of("tool", "versions", "started", "finished", "config", "teacher", "counts", "seconds"),
        List.copyOf(j.keySet()));
    assertEquals("x2s test", j.get("tool").getAsString());
    JsonObject v = j.getAsJsonObject("versions");
    assertEquals(Version.x2s(), v.get("x2s").getAsString());
    assertFalse(Version.x2s().equals("unknown") || Version.x2s().contains("$"), Version.x2s());
    assertEquals(System.getProperty("java.version"), v.get("java").getAsString());
    assertEquals("1.2", v.get("lib").getAsString());
    JsonObject c = j.getAsJsonObject("config");
    assertEquals(0, c.get("max_sentences").getAsLong());
    assertEquals(-1, c.getAsJsonArray("layers").get(0).getAsInt());
    assertEquals("c.txt", c.get("corpus").getAsString());
    assertEquals(13, j.getAsJsonObject("teacher").get("num_layers").getAsInt());
    assertEquals(1.235, j.getAsJsonObject("seconds").get("stage_one").getAsDouble());
    assertTrue(j.getAsJsonObject("seconds").has("total"));
  }

  @Test
  void keysMustBeSnakeCase() {
    Provenance p = Provenance.start("x2s test");
    assertThrows(IllegalArgumentException.class, () -> p.put("wallSeconds", 1));
    assertThrows(IllegalArgumentException.class, () -> p.seconds("Total", 1));
    assertThrows(IllegalArgumentException.class, () -> p.put("tool", "x"));
    assertEquals("num_layers", Provenance.snake("numLayers"));
  }

  @Test
  void versionComesFromTheFilteredResource() throws Exception {
    try (var in = Version.class.getResourceAsStream("version.properties")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(text.contains("version=" + Version.x2s()), text);
    }
  }
}
