package dev.x2s.x2static;

import com.google.gson.GsonBuilder;
import dev.x2s.teachers.Teacher;
import dev.x2s.x2static.cache.CacheManifest;
import dev.x2s.x2static.cache.ContextCache;
import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One X2Static run: the teacher stage ({@link ContextBuilder}, skipped when the cache is complete), the
 * student stage ({@link X2StaticTrainer}), then {@code <out>.provenance.json} — config, teacher, corpus
 * hash, counts, versions, seed and wall times — written atomically after the vectors.
 */
public final class Distillation {
  /** What a run did; {@code provenance} is the JSON written beside the vectors. */
  public record Report(ContextBuilder.Result teacher, X2StaticTrainer.Result student, Path provenanceFile,
      Map<String, Object> provenance) {}

  private Distillation() {}

  /** The provenance file of a vector file. */
  public static Path provenanceFile(Path out) {
    return out.toAbsolutePath().resolveSibling(out.getFileName() + ".provenance.json");
  }

  public static Report run(DistillConfig config, Function<String, Teacher> teachers, boolean quiet) throws IOException {
    return run(config, teachers, quiet, null);
  }

  /** Runs both stages; {@code listener} (tests) observes the student's batches. */
  public static Report run(DistillConfig config, Function<String, Teacher> teachers, boolean quiet,
      X2StaticTrainer.BatchListener listener) throws IOException {
    Instant started = Instant.now();
    ContextBuilder.Result t = new ContextBuilder(config, teachers, quiet).build();
    try (ContextCache cache = t.cache()) {
      X2StaticTrainer trainer = new X2StaticTrainer(config, quiet);
      if (listener != null) {
        trainer.listener(listener);
      }
      X2StaticTrainer.Result s = trainer.train(cache, cache.manifest().identity().key());
      Map<String, Object> p = provenance(config, cache.manifest(), cache, t, s, started);
      Path file = provenanceFile(config.out());
      byte[] json = (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(p)
          + "\n").getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(file, out -> out.write(json));
      return new Report(t, s, file, p);
    }
  }

  private static Map<String, Object> provenance(DistillConfig config, CacheManifest m, ContextCache cache,
      ContextBuilder.Result t, X2StaticTrainer.Result s, Instant started) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", "X2Static (Gupta & Jaggi 2021), sentence-context distillation");
    p.put("command", "x2s distill");
    p.put("started", started.toString());
    p.put("config", config.toMap());
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
    p.put("counts", counts);
    p.put("seed", config.seed());
    Map<String, Object> times = new LinkedHashMap<>();
    times.put("teacher_seconds_total", m.teacherSeconds());
    times.put("teacher_seconds_this_run", t.teacherSecondsThisRun());
    times.put("student_seconds", s.studentSeconds());
    times.put("student_targets_per_second", s.studentSeconds() > 0 && s.resumedFromBatch() == 0
        ? s.targets() / s.studentSeconds() : null);
    p.put("wall_times", times);
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("x2s", System.getProperty("x2s.version", "0.1.0-SNAPSHOT"));
    versions.put("java", System.getProperty("java.version"));
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    versions.put("cache_format", CacheManifest.FORMAT + "/" + CacheManifest.VERSION);
    p.put("versions", versions);
    p.put("deviations", java.util.List.of(
        "context = mean over the sentence's real pieces; the release's mean also covers [CLS]/[SEP]",
        "sentences longer than the teacher's window are encoded in overlapping windows, not truncated at 200 pieces",
        "loss summed over pairs per batch (the release averages per target); Adam is insensitive to the scale"));
    return p;
  }
}
