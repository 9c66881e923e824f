package dev.x2s.x2static;

import dev.x2s.teachers.Teacher;
import dev.x2s.x2static.cache.CacheManifest;
import dev.x2s.x2static.cache.ContextCache;
import dev.x2s.jobs.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.teachers.TeacherOpener;

/**
 * One X2Static run: the teacher stage ({@link ContextBuilder}, skipped when the cache is complete), the
 * student stage ({@link X2StaticTrainer}), then {@code <out>.provenance.json} ({@link Provenance}: config,
 * teacher, corpus hash, cache, counts, versions, seed and wall seconds) written atomically after the vectors.
 */
public final class Distillation {
  /** What a run did; {@code provenanceFile} is the JSON written beside the vectors. */
  public record Report(ContextBuilder.Result teacher, X2StaticTrainer.Result student, Path provenanceFile) {}

  private Distillation() {}

  /** The provenance file of a vector file. */
  public static Path provenanceFile(Path out) {
    return Provenance.fileFor(out);
  }

  public static Report run(DistillConfig config, TeacherOpener teachers, boolean quiet) throws IOException {
    return run(config, teachers, quiet, null);
  }

  /** Runs both stages; {@code listener} (tests) observes the student's batches. */
  public static Report run(DistillConfig config, TeacherOpener teachers, boolean quiet,
      X2StaticTrainer.BatchListener listener) throws IOException {
    return run(config, teachers, quiet, listener, ChunkRunner.LOCAL);
  }

  /** Runs both stages, the teacher stage's chunks encoded by {@code runner} (e.g. a Spark cluster). */
  public static Report run(DistillConfig config, TeacherOpener teachers, boolean quiet,
      X2StaticTrainer.BatchListener listener, ChunkRunner runner) throws IOException {
    Provenance p = Provenance.start("x2s distill");
    ContextBuilder.Result t = new ContextBuilder(config, teachers, quiet).runner(runner).build();
    try (ContextCache cache = t.cache()) {
      X2StaticTrainer trainer = new X2StaticTrainer(config, quiet);
      if (listener != null) {
        trainer.listener(listener);
      }
      X2StaticTrainer.Result s = trainer.train(cache, cache.manifest().identity().key());
      provenance(p, config, cache.manifest(), cache, t, s);
      Path file = p.write(provenanceFile(config.out()));
      return new Report(t, s, file);
    }
  }

  private static void provenance(Provenance p, DistillConfig config, CacheManifest m, ContextCache cache,
      ContextBuilder.Result t, X2StaticTrainer.Result s) {
    p.put("method", "X2Static (Gupta & Jaggi 2021), sentence-context distillation");
    p.config(config);
    Map<String, Object> teacher = new LinkedHashMap<>();
    teacher.put("id", m.identity().teacherId());
    teacher.put("family", m.teacherFamily());
    teacher.put("layers", m.teacherLayers());
    teacher.put("dim", m.dim());
    teacher.put("source", m.teacherSource());
    p.put("teacher", teacher);
    Map<String, Object> corpus = new LinkedHashMap<>();
    corpus.put("path", m.corpusPath());
    corpus.put("sha256", m.identity().corpusSha256());
    corpus.put("reader", m.corpusStats());
    p.put("corpus", corpus);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("dir", cache.dir().toString());
    c.put("key", m.identity().key());
    c.put("settings", m.identity().settings());
    c.put("reused", t.reused());
    c.put("format", CacheManifest.FORMAT + "/" + CacheManifest.VERSION);
    if (cache.prefixOf() != null) {
      CacheManifest whole = cache.prefixOf();
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("key", whole.identity().key());
      w.put("sentences", whole.sentences());
      w.put("complete", whole.complete());
      w.put("teacher_seconds", whole.teacherSeconds());
      c.put("prefix_of", w);
      c.put("teacher_seconds_prorated", true);
    }
    p.put("cache", c);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("sentences", m.sentences());
    counts.put("vocabulary", s.vocabularySize());
    counts.put("tokens", s.tokens());
    counts.put("targets", s.targets());
    counts.put("batches_this_run", s.batches());
    counts.put("resumed_from_batch", s.resumedFromBatch());
    counts.put("mean_loss_per_target", s.meanLoss());
    counts.put("student_targets_per_second", s.studentSeconds() > 0 && s.resumedFromBatch() == 0
        ? s.targets() / s.studentSeconds() : null);
    p.put("counts", counts);
    p.put("seed", config.seed());
    p.put("deviations", java.util.List.of(
        "context = mean over the sentence's real pieces; the release's mean also covers [CLS]/[SEP]",
        "sentences longer than the teacher's window are encoded in overlapping windows, not truncated at 200 pieces",
        "loss summed over pairs per batch (the release averages per target); Adam is insensitive to the scale"));
    p.seconds("teacher_total", m.teacherSeconds());
    p.seconds("teacher_this_run", t.teacherSecondsThisRun());
    p.seconds("student", s.studentSeconds());
  }
}
