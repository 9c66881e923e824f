package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.testing.TinyModels;
import dev.x2s.testkit.TopicCorpus;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import dev.x2s.x2static.Distillation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x2s distill} end to end through the command line, on a tiny random BERT directory and the topic
 * corpus: only flags, YAML keys and output files are used, so these tests hold however the options are
 * declared inside.
 */
class DistillEndToEndTest {
  static final int PARAGRAPHS = 200;
  static final long CORPUS_SEED = 5;

  @TempDir static Path fixtures;
  static Path teacher;
  static Path corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void fixtures() throws IOException {
    teacher = TinyModels.bert(fixtures.resolve("tiny-bert"), TopicCorpus.vocabulary(), 11);
    corpus = TopicCorpus.write(fixtures, "topics.txt", PARAGRAPHS, CORPUS_SEED);
  }

  static JsonObject provenance(Path out) throws IOException {
    return JsonParser.parseString(Files.readString(Distillation.provenanceFile(out))).getAsJsonObject();
  }

  /** The corpus's words seen at least {@code minCount} times, counted from the generator (one "." a sentence). */
  static Set<String> wordsSeen(int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    for (TopicCorpus.Paragraph p : TopicCorpus.paragraphs(PARAGRAPHS, CORPUS_SEED)) {
      for (List<String> s : p.sentences()) {
        s.forEach(w -> counts.merge(w, 1, Integer::sum));
        counts.merge(".", 1, Integer::sum);
      }
    }
    Set<String> out = new TreeSet<>();
    counts.forEach((w, n) -> {
      if (n >= minCount) {
        out.add(w);
      }
    });
    return out;
  }

  @Test
  void distillWritesTheStudentAndItsProvenanceAndReusesTheTeacherContexts() throws Exception {
    Path out = tmp.resolve("student.x2v");
    Path cache = tmp.resolve("cache");
    CliTest.Run r = CliTest.run("distill", "--teacher", teacher.toString(), "--corpus", corpus.toString(),
        "--out", out.toString(), "--cache", cache.toString(), "--min-count", "5", "--epochs", "2", "-q");
    assertEquals(0, r.code(), r.err());
    WordVectors v = VectorFiles.read(out);
    assertEquals(TinyModels.BERT_HIDDEN, v.dim());
    assertEquals(wordsSeen(5), new TreeSet<>(v.words()));
    for (float x : v.matrix()) {
      assertTrue(Float.isFinite(x));
    }
    JsonObject p = provenance(out);
    assertEquals(teacher.toString(), p.getAsJsonObject("teacher").get("id").getAsString());
    assertEquals(TinyModels.BERT_LAYERS + 1, p.getAsJsonObject("teacher").get("layers").getAsInt());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(corpus)));
    assertEquals(sha, p.getAsJsonObject("corpus").get("sha256").getAsString());
    assertEquals(2, p.getAsJsonObject("config").get("epochs").getAsInt());
    assertFalse(p.getAsJsonObject("cache").get("reused").getAsBoolean());

    // another student from the same contexts: the teacher does not run again, the vectors differ
    Path other = tmp.resolve("other.vec");
    CliTest.Run again = CliTest.run("distill", "--teacher", teacher.toString(), "--corpus", corpus.toString(),
        "--out", other.toString(), "--cache", cache.toString(), "--min-count", "5", "--epochs", "2", "--seed", "2");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("(cached)"), again.err());
    assertTrue(provenance(other).getAsJsonObject("cache").get("reused").getAsBoolean());
    WordVectors w = VectorFiles.read(other);
    assertEquals(v.words(), w.words());
    assertFalse(java.util.Arrays.equals(v.matrix(), w.matrix()), "another seed, the same vectors");
  }

  @Test
  void flagsOverrideTheYamlFile() throws Exception {
    Path yaml = tmp.resolve("run.yaml");
    Files.writeString(yaml, "teacher: " + teacher + "\ncorpus: " + corpus + "\nepochs: 3\nlr: 0.005\nmin-count: 5\n"
        + "dim-projection: 4\n");
    Path out = tmp.resolve("projected.vec");
    CliTest.Run r = CliTest.run("distill", "--config", yaml.toString(), "--epochs", "1", "--out", out.toString(),
        "--cache", tmp.resolve("cache").toString(), "-q");
    assertEquals(0, r.code(), r.err());
    JsonObject config = provenance(out).getAsJsonObject("config");
    assertEquals(1, config.get("epochs").getAsInt()); // the flag
    assertEquals(0.005, config.get("lr").getAsDouble()); // the file
    assertEquals(4, VectorFiles.read(out).dim());
  }

  /** A YAML file setting every option away from its default reaches the run: all are in the provenance. */
  @Test
  void everyYamlKeyReachesTheRun() throws Exception {
    Path yaml = tmp.resolve("every.yaml");
    Path out = tmp.resolve("every.x2v");
    Files.writeString(yaml, String.join("\n",
        "teacher: " + teacher, "corpus: " + corpus, "out: " + out, "cache: " + tmp.resolve("cache"),
        "max-sentences: 300", "layer: [1, -1]", "variant: paragraph", "exclude-target: true", "lowercase: false",
        "splitter: break-iterator", "min-count: 3", "max-vocab: 30", "dim-projection: 8", "optimizer: sgd",
        "lr: 0.02", "epochs: 2", "negatives: 4", "t: 1.0e-3", "batch-sentences: 32", "shuffle: false", "threads: 1",
        "seed: 7", "engine: fused", "teacher-batch: 8", "format: word2vec", "resume: true", "checkpoint-batches: 7",
        ""));
    CliTest.Run r = CliTest.run("distill", "--config", yaml.toString(), "-q");
    assertEquals(0, r.code(), r.err());
    ShippedConfigsTest.assertRecorded(yaml, provenance(out).getAsJsonObject("config"), Set.of("teacher", "corpus"));
    WordVectors v = VectorFiles.read(out);
    assertEquals(8, v.dim());
    assertEquals(30, v.size()); // max-vocab, of about 40 words seen 3 times
    assertTrue(Files.readString(out).startsWith("30 8\n"), "not word2vec text");
  }

  @Test
  void usageErrorsExitWith2AndNameTheProblem() throws Exception {
    CliTest.Run missing = CliTest.run("distill", "--teacher", teacher.toString(), "--corpus", corpus.toString(), "-q");
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains("--out"), missing.err());
    Path yaml = tmp.resolve("bad.yaml");
    Files.writeString(yaml, "learning_rate: 0.1\n");
    CliTest.Run unknown = CliTest.run("distill", "--config", yaml.toString(), "--teacher", teacher.toString(),
        "--corpus", corpus.toString(), "--out", tmp.resolve("o.vec").toString(), "-q");
    assertTrue(unknown.code() != 0, "unknown YAML key accepted");
    assertTrue(unknown.err().contains("learning_rate"), unknown.err());
    assertFalse(Files.exists(tmp.resolve("o.vec")));
  }

  @Test
  void aFailedRunLeavesNoOutputAndExitsWith1() throws Exception {
    Path out = tmp.resolve("none.vec");
    CliTest.Run r = CliTest.run("distill", "--teacher", teacher.toString(), "--corpus", tmp.resolve("missing.txt").toString(),
        "--out", out.toString(), "--cache", tmp.resolve("cache").toString(), "-q");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("missing.txt") && r.err().strip().lines().count() == 1, r.err());
    assertFalse(Files.exists(out));
    assertArrayEquals(new String[0], tmp.toFile().list((d, n) -> n.endsWith(".tmp")));
  }
}
