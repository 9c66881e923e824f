package dev.x2s.x2static;

import dev.x2s.teachers.testing.FakeTeacher;
import dev.x2s.testkit.TopicCorpus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ND4J engine through a whole run: resumable, and the same vectors as the fused engine. */
class Nd4jDistillationTest {
  @TempDir Path tmp;

  private DistillConfig config(Path corpus, Path out, DistillConfig.EngineKind engine) {
    return DistillConfig.defaults("fake", corpus, out).toBuilder()
        .set(DistillConfig::cache, tmp.resolve("cache")).set(DistillConfig::minCount, 2)
        .set(DistillConfig::batchSentences, 8).set(DistillConfig::teacherBatch, 8).set(DistillConfig::seed, 3L)
        .set(DistillConfig::t, 1e-2).set(DistillConfig::checkpointBatches, 3).set(DistillConfig::engine, engine)
        .set(DistillConfig::lr, 1e-2).build();
  }

  @Test
  void nd4jRunResumesExactlyAndMatchesTheFusedEngine() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 60, 13);
    Path whole = tmp.resolve("nd4j.vec");
    Path resumed = tmp.resolve("nd4j-resumed.vec");
    Path fused = tmp.resolve("fused.vec");
    Distillation.Report w = Distillation.run(config(corpus, whole, DistillConfig.EngineKind.ND4J), FakeTeacher::new, true);
    DistillConfig cfg = config(corpus, resumed, DistillConfig.EngineKind.ND4J).with(DistillConfig::resume, true);
    long crashAt = w.student().batches() / 2 + 1;
    assertThrows(RuntimeException.class, () -> Distillation.run(cfg, FakeTeacher::new, true, b -> {
      if (b == crashAt) {
        throw new RuntimeException("simulated crash");
      }
    }));
    Distillation.Report r = Distillation.run(cfg, FakeTeacher::new, true);
    assertTrue(r.student().resumedFromBatch() > 0);
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));

    Distillation.run(config(corpus, fused, DistillConfig.EngineKind.FUSED), FakeTeacher::new, true);
    WordVectors a = VectorFiles.read(whole);
    WordVectors b = VectorFiles.read(fused);
    assertEquals(a.words(), b.words());
    float[] ma = a.matrix();
    float[] mb = b.matrix();
    for (int i = 0; i < ma.length; i++) {
      // same maths, different summation order: float rounding only
      assertEquals(ma[i], mb[i], 1e-4f, "value " + i);
    }
  }
}
