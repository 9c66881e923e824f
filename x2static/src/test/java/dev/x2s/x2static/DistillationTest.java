package dev.x2s.x2static;

import dev.x2s.teachers.testing.FakeTeacher;
import dev.x2s.testkit.TopicCorpus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.jobs.Sha256;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.x2static.cache.CacheManifest;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs (teacher stage + student) with {@link FakeTeacher} on generated corpora. */
class DistillationTest {
  private static final long SEED = 20210801L;

  @TempDir Path tmp;

  private DistillConfig config(Path corpus, Path out) {
    System.out.println("seed " + SEED);
    return DistillConfig.defaults("fake", corpus, out).toBuilder()
        .set(DistillConfig::cache, tmp.resolve("cache")).set(DistillConfig::minCount, 2)
        .set(DistillConfig::batchSentences, 8).set(DistillConfig::teacherBatch, 8).set(DistillConfig::seed, SEED)
        .set(DistillConfig::epochs, 2).set(DistillConfig::threads, 2).set(DistillConfig::t, 1e-2)
        .set(DistillConfig::checkpointBatches, 3).build();
  }

  private static byte[] bytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndProvenance() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 80, 5);
    Path a = tmp.resolve("a.vec");
    Path b = tmp.resolve("b.vec");
    Distillation.Report ra = Distillation.run(config(corpus, a), FakeTeacher::new, true);
    Distillation.Report rb = Distillation.run(config(corpus, b), id -> {
      throw new AssertionError("second run must reuse the cache");
    }, true);
    assertArrayEquals(bytes(a), bytes(b));
    assertTrue(rb.teacher().reused());
    assertTrue(ra.student().targets() > 100, "targets " + ra.student().targets());
    WordVectors v = VectorFiles.read(a);
    assertEquals(ra.student().vocabularySize(), v.size());
    assertEquals(FakeTeacher.DIM, v.dim());
    JsonObject p = JsonParser.parseString(Files.readString(Distillation.provenanceFile(a))).getAsJsonObject();
    assertEquals(SEED, p.get("seed").getAsLong());
    assertEquals("fake", p.getAsJsonObject("teacher").get("id").getAsString());
    assertEquals(Sha256.of(corpus), p.getAsJsonObject("corpus").get("sha256").getAsString());
    assertEquals(2, p.getAsJsonObject("config").get("epochs").getAsInt());
    assertTrue(p.getAsJsonObject("seconds").has("student"));
    assertEquals("x2s distill", p.get("tool").getAsString());
    assertEquals(List.of(-1), List.of(p.getAsJsonObject("config").getAsJsonArray("layers").get(0).getAsInt()));
    assertFalse(Files.exists(TrainingCheckpoint.dirFor(a)), "checkpoint left behind");
    // another seed gives other vectors
    Path c = tmp.resolve("c.vec");
    Distillation.run(config(corpus, c).with(DistillConfig::seed, SEED + 1), FakeTeacher::new, true);
    assertFalse(java.util.Arrays.equals(bytes(a), bytes(c)));
  }

  @Test
  void resumedTrainingEqualsUninterrupted() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 80, 9);
    for (DistillConfig.OptimizerKind opt : DistillConfig.OptimizerKind.values()) {
      Path whole = tmp.resolve("whole-" + opt + ".vec");
      Path resumed = tmp.resolve("resumed-" + opt + ".vec");
      double lr = opt == DistillConfig.OptimizerKind.SGD ? 0.05 : 1e-3;
      Distillation.Report w = Distillation.run(config(corpus, whole).toBuilder().set(DistillConfig::optimizer, opt)
          .set(DistillConfig::lr, lr).build(),
          FakeTeacher::new, true);
      long total = w.student().batches();
      assertTrue(total > 10, "batches " + total);
      DistillConfig cfg = config(corpus, resumed).toBuilder().set(DistillConfig::optimizer, opt)
          .set(DistillConfig::lr, lr).set(DistillConfig::resume, true).build();
      long crashAt = total / 2 + 1; // after a checkpoint (every 3 batches) and some batches past it
      RuntimeException crash = assertThrows(RuntimeException.class,
          () -> Distillation.run(cfg, FakeTeacher::new, true, b -> {
            if (b == crashAt) {
              throw new RuntimeException("simulated crash after batch " + b);
            }
          }));
      assertTrue(crash.getMessage().contains("simulated"));
      assertFalse(Files.exists(resumed), "no output from a crashed run");
      Distillation.Report r = Distillation.run(cfg, FakeTeacher::new, true);
      assertTrue(r.student().resumedFromBatch() > 0, "did not resume");
      assertEquals(total - r.student().resumedFromBatch(), r.student().batches());
      assertArrayEquals(bytes(whole), bytes(resumed), "optimizer " + opt);
      assertEquals(w.student().targets(), r.student().targets());
    }
  }

  @Test
  void interruptedRunLeavesThePreviousOutputIntact() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 40, 2);
    Path out = tmp.resolve("v.vec");
    Distillation.run(config(corpus, out), FakeTeacher::new, true);
    byte[] before = bytes(out);
    byte[] provenance = bytes(Distillation.provenanceFile(out));
    DistillConfig other = config(corpus, out).with(DistillConfig::seed, SEED + 7);
    assertThrows(RuntimeException.class, () -> Distillation.run(other, FakeTeacher::new, true, b -> {
      if (b == 4) {
        throw new RuntimeException("simulated crash");
      }
    }));
    assertArrayEquals(before, bytes(out));
    assertArrayEquals(provenance, bytes(Distillation.provenanceFile(out)));
    // a teacher crash (new corpus, so a new cache) leaves it intact too
    Path corpus2 = TopicCorpus.write(tmp, "c2.txt", 40, 3);
    assertThrows(IllegalStateException.class,
        () -> Distillation.run(config(corpus2, out), id -> new FakeTeacher(id, 10), true));
    assertArrayEquals(before, bytes(out));
  }

  @Test
  void emptyCorpusIsAClearError() throws IOException {
    Path corpus = tmp.resolve("empty.txt");
    Files.writeString(corpus, "\n  \n\n");
    IOException e = assertThrows(IOException.class,
        () -> Distillation.run(config(corpus, tmp.resolve("o.vec")), FakeTeacher::new, true));
    assertTrue(e.getMessage().contains(corpus.toString()) && e.getMessage().contains("no sentences"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("o.vec")));
  }

  @Test
  void nonUtf8CorpusIsAClearError() throws IOException {
    Path corpus = tmp.resolve("latin1.txt");
    // "café crème" in ISO-8859-1 on every line: é = 0xE9 followed by ASCII is malformed UTF-8
    byte[] line = "caf\u00e9 cr\u00e8me\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(corpus, new byte[0]);
    for (int i = 0; i < 3; i++) {
      Files.write(corpus, line, java.nio.file.StandardOpenOption.APPEND);
    }
    IOException e = assertThrows(IOException.class,
        () -> Distillation.run(config(corpus, tmp.resolve("o.vec")), FakeTeacher::new, true));
    assertTrue(e.getMessage().contains("malformed UTF-8") && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void emptyVocabularyIsAClearError() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 5, 1);
    DistillConfig cfg = config(corpus, tmp.resolve("o.vec")).with(DistillConfig::minCount, 1_000_000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Distillation.run(cfg, FakeTeacher::new, true));
    assertTrue(e.getMessage().contains("vocabulary is empty") && e.getMessage().contains("min_count=1000000"),
        e.getMessage());
  }

  @Test
  void paragraphVariantAndLayerMeanRun() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 40, 4);
    Path out = tmp.resolve("p.x2v");
    DistillConfig cfg = config(corpus, out).toBuilder()
        .set(DistillConfig::variant, DistillConfig.Variant.PARAGRAPH)
        .set(DistillConfig::layers, LayerSpec.of(1, -1)).build();
    Distillation.Report r = Distillation.run(cfg, FakeTeacher::new, true);
    assertEquals(r.student().vocabularySize(), VectorFiles.read(out).size());
    assertThrows(IllegalArgumentException.class, () -> Distillation.run(
        cfg.toBuilder().set(DistillConfig::layers, LayerSpec.of(3))
            .set(DistillConfig::cache, tmp.resolve("c2")).build(), FakeTeacher::new, true));
  }

  @Test
  void sentenceLimitIsServedByAnUnfinishedWholeCorpusCache() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 150, 11);
    Path shared = tmp.resolve("shared-cache");
    DistillConfig whole = config(corpus, tmp.resolve("whole.vec")).toBuilder().set(DistillConfig::cache, shared)
        .set(DistillConfig::teacherBatch, 4).set(DistillConfig::cacheCheckpointSentences, 5).build();
    // the whole-corpus teacher run stops part-way (as a session's end stops it); batches of 4 keep the
    // read-ahead window (32 batches) below the crash, so a prefix is checkpointed
    assertThrows(IllegalStateException.class, () -> Distillation.run(whole, id -> new FakeTeacher(id, 200), true));
    long written;
    try (var dirs = Files.list(shared)) {
      written = CacheManifest.read(dirs.findFirst().orElseThrow()).sentences();
    }
    assertTrue(written >= 20 && written <= 200, "checkpointed " + written);
    long n = written / 2 + 3;
    Path fromPrefix = tmp.resolve("prefix.vec");
    Distillation.Report r = Distillation.run(whole.toBuilder()
        .set(DistillConfig::maxSentences, SentenceLimit.of(n)).set(DistillConfig::out, fromPrefix).build(), id -> {
      throw new AssertionError("the whole-corpus cache holds the first " + n + " sentences");
    }, true);
    assertEquals(n, r.teacher().cache().size());
    // the same limited run with its own teacher stage trains the same bytes
    Path own = tmp.resolve("own.vec");
    Distillation.run(whole.toBuilder().set(DistillConfig::maxSentences, SentenceLimit.of(n))
        .set(DistillConfig::out, own).set(DistillConfig::cache, tmp.resolve("own-cache")).build(),
        FakeTeacher::new, true);
    assertArrayEquals(bytes(own), bytes(fromPrefix));
    JsonObject p = JsonParser.parseString(Files.readString(Distillation.provenanceFile(fromPrefix))).getAsJsonObject();
    JsonObject of = p.getAsJsonObject("cache").getAsJsonObject("prefix_of");
    assertEquals(written, of.get("sentences").getAsLong());
    assertFalse(of.get("complete").getAsBoolean());
    // a limit beyond what the whole-corpus cache holds runs the teacher
    List<FakeTeacher> opened = new ArrayList<>();
    Distillation.run(whole.toBuilder().set(DistillConfig::maxSentences, SentenceLimit.of(written + 1))
        .set(DistillConfig::out, tmp.resolve("more.vec")).build(),
        id -> add(opened, new FakeTeacher(id)), true);
    assertEquals(1, opened.size());
    // resuming the whole-corpus run continues the same cache
    Distillation.run(whole, FakeTeacher::new, true);
  }

  private static FakeTeacher add(List<FakeTeacher> list, FakeTeacher t) {
    list.add(t);
    return t;
  }

  @Test
  void excludeTargetRunIsReproducibleAndResumable() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 50, 6);
    Path a = tmp.resolve("ex-a.vec");
    Path b = tmp.resolve("ex-b.vec");
    DistillConfig cfg = config(corpus, a).with(DistillConfig::excludeTarget, true);
    Distillation.Report r = Distillation.run(cfg, FakeTeacher::new, true);
    assertTrue(r.student().targets() > 100);
    DistillConfig cb = cfg.toBuilder().set(DistillConfig::out, b).set(DistillConfig::resume, true).build();
    assertThrows(RuntimeException.class, () -> Distillation.run(cb, FakeTeacher::new, true, x -> {
      if (x == 7) {
        throw new RuntimeException("simulated crash");
      }
    }));
    Distillation.run(cb, FakeTeacher::new, true);
    assertArrayEquals(bytes(a), bytes(b));
    // the per-sentence run of the same corpus trains other vectors
    Path s = tmp.resolve("sentence.vec");
    Distillation.run(cfg.toBuilder().set(DistillConfig::excludeTarget, false)
        .set(DistillConfig::out, s).build(), FakeTeacher::new, true);
    assertFalse(java.util.Arrays.equals(bytes(a), bytes(s)));
  }

  @Test
  void projectedStudentIsNarrowReproducibleAndResumable() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 60, 4);
    Path a = tmp.resolve("proj-a.vec");
    Path b = tmp.resolve("proj-b.vec");
    int width = FakeTeacher.DIM / 2;
    DistillConfig cfg = config(corpus, a).with(DistillConfig::dimProjection, width);
    Distillation.Report r = Distillation.run(cfg, FakeTeacher::new, true);
    assertEquals(width, VectorFiles.read(a).dim());
    assertEquals(width, r.student().dim());
    DistillConfig cb = cfg.toBuilder().set(DistillConfig::out, b).set(DistillConfig::resume, true).build();
    assertThrows(RuntimeException.class, () -> Distillation.run(cb, FakeTeacher::new, true, x -> {
      if (x == 7) {
        throw new RuntimeException("simulated crash");
      }
    }));
    Distillation.Report rb = Distillation.run(cb, FakeTeacher::new, true);
    assertTrue(rb.student().resumedFromBatch() > 0, "did not resume");
    assertArrayEquals(bytes(a), bytes(b));
    JsonObject p = JsonParser.parseString(Files.readString(Distillation.provenanceFile(a))).getAsJsonObject();
    assertEquals(width, p.getAsJsonObject("config").get("dim_projection").getAsInt());
  }
}
