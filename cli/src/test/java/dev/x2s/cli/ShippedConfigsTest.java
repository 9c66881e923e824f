package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.x2s.teachers.testing.TinyModels;
import dev.x2s.testkit.TopicCorpus;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every config in {@code configs/} is accepted by {@code x2s distill --config} and its values reach the run:
 * each file runs with the tiny teacher and the topic corpus in place of its own (flags override those
 * three keys), and every other key must come back in the provenance with the file's value.
 */
class ShippedConfigsTest {
  /** Keys the test replaces by flags: the real teacher, corpus and output. */
  private static final Set<String> REPLACED = Set.of("teacher", "corpus", "out");

  @TempDir static Path fixtures;
  @TempDir Path tmp;

  static Stream<Path> configs() throws IOException {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("configs"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "no configs/ above " + System.getProperty("user.dir"));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("configs"))) {
      s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    assertFalse(files.isEmpty(), "no configs in " + dir.resolve("configs"));
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("configs")
  void configRunsAndEveryKeyReachesTheProvenance(Path config) throws Exception {
    Path teacher = fixtures.resolve("tiny-bert");
    if (!Files.isDirectory(teacher)) {
      TinyModels.bert(teacher, TopicCorpus.vocabulary(), 11);
    }
    Path corpus = fixtures.resolve("topics.txt");
    if (!Files.exists(corpus)) {
      TopicCorpus.write(fixtures, "topics.txt", 150, 3);
    }
    Path out = tmp.resolve("student.x2v");
    CliTest.Run r = CliTest.run("distill", "--config", config.toString(), "--teacher", teacher.toString(),
        "--corpus", corpus.toString(), "--out", out.toString(), "--cache", fixtures.resolve("cache").toString(), "-q");
    assertEquals(0, r.code(), config.getFileName() + ": " + r.err());

    assertRecorded(config, DistillEndToEndTest.provenance(out).getAsJsonObject("config"), REPLACED);
  }

  /** Every key of the YAML file {@code config} but {@code skip} has the file's value in the provenance's config. */
  static void assertRecorded(Path config, JsonObject got, Set<String> skip) throws IOException {
    Map<String, Object> yaml;
    try (Reader in = Files.newBufferedReader(config)) {
      yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    for (Map.Entry<String, Object> e : yaml.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT).replace('-', '_');
      if (skip.contains(key)) {
        continue;
      }
      // `layer: -1` is the one-element list `layers: [-1]`
      String name = key.equals("layer") ? "layers" : key;
      Object want = key.equals("layer") && !(e.getValue() instanceof List) ? List.of(e.getValue()) : e.getValue();
      assertTrue(got.has(name), config.getFileName() + ": " + key + " not in the provenance " + got);
      assertSame(config.getFileName() + ": " + key, want, got.get(name));
    }
  }

  /** A YAML value and the JSON the run recorded for it: numbers by value, strings case-insensitively (enums). */
  private static void assertSame(String what, Object want, JsonElement got) {
    if (want instanceof List<?> list) {
      assertEquals(list.size(), got.getAsJsonArray().size(), what);
      for (int i = 0; i < list.size(); i++) {
        assertSame(what + "[" + i + "]", list.get(i), got.getAsJsonArray().get(i));
      }
    } else if (want instanceof Number n) {
      assertEquals(n.doubleValue(), got.getAsDouble(), Math.abs(n.doubleValue()) * 1e-12, what);
    } else if (want instanceof Boolean b) {
      assertEquals(b, got.getAsBoolean(), what);
    } else {
      assertEquals(String.valueOf(want).toLowerCase(Locale.ROOT), got.getAsString().toLowerCase(Locale.ROOT), what);
    }
  }
}
