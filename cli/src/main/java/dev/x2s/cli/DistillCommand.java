package dev.x2s.cli;

import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import dev.x2s.x2static.DistillConfig;
import dev.x2s.x2static.Distillation;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s distill}: X2Static (Gupta &amp; Jaggi 2021) — teacher context vectors of every corpus sentence
 * (cached on disk), then a static student trained to predict the sentence's words from them. The options
 * are those declared on {@link DistillConfig}: defaults, then {@code --config FILE} (YAML, keys = option
 * names, {@code -} or {@code _} between words), then the command line.
 */
@Command(name = "distill", mixinStandardHelpOptions = true, modelTransformer = DeclaredOptions.Transformer.class,
    description = "Distil static word vectors from a contextual teacher with X2Static (sentence contexts, "
        + "negative sampling). Teacher contexts are cached, so reruns with other student settings skip the teacher.")
final class DistillCommand implements Callable<Integer>, DeclaredOptions.Host {
  @Spec CommandLine.Model.CommandSpec spec;

  private final DeclaredOptions<DistillConfig> options = new DeclaredOptions<>(DistillConfig.OPTIONS);

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @CommandLine.Mixin ClusterOption cluster = new ClusterOption();

  @Override
  public DeclaredOptions<?> declaredOptions() {
    return options;
  }

  @Override
  public Integer call() throws Exception {
    DistillConfig cfg = resolve();
    Distillation.Report r;
    try (ChunkRunner runner = cluster.open(quiet)) {
      // executors open their own teacher with this opener: it must capture only serializable values
      dev.x2s.teachers.Precision precision = cfg.precision();
      r = Distillation.run(cfg, id -> Teachers.open(id, TeacherOptions.defaults().withPrecision(precision)),
          quiet, null, runner);
    }
    if (!quiet) {
      var s = r.student();
      System.err.printf(Locale.ROOT,
          "distill: %s: %,d words × %d; teacher %.1f s (%s), student %.1f s, %,d targets (%.0f/s), loss/target %.4f%n",
          cfg.out(), s.vocabularySize(), s.dim(), r.teacher().cache().manifest().teacherSeconds(),
          r.teacher().cache().prefixOf() != null ? "cached; pro-rated share of the whole-corpus cache"
              : r.teacher().reused() ? "cached" : "this run", s.studentSeconds(), s.targets(),
          s.studentSeconds() > 0 ? s.targets() / s.studentSeconds() : 0.0, s.meanLoss());
      System.err.println("distill: provenance " + r.provenanceFile());
    }
    return 0;
  }

  /** Defaults, then the YAML file, then the flags given. */
  DistillConfig resolve() throws IOException {
    return options.resolve(spec);
  }
}
