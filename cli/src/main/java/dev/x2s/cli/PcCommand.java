package dev.x2s.cli;

import dev.x2s.layerpc.LayerPcJob;
import dev.x2s.layerpc.LayerPcOptions;
import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s pc}: static vectors per layer from a teacher's contextual vectors (layer PC, mean, decontext).
 * The options are those declared on {@link LayerPcOptions} (defaults, then {@code --config FILE}, then flags).
 */
@Command(name = "pc", mixinStandardHelpOptions = true, modelTransformer = DeclaredOptions.Transformer.class,
    description = "Static vectors per layer from a contextual teacher over a corpus: pc (Ethayarajh 2019), "
        + "pc-centred, mean (Bommasani et al. 2020), decontext (the word alone). Resumable: rerun the same "
        + "command after an interruption.")
final class PcCommand implements Callable<Integer>, DeclaredOptions.Host {
  @Spec CommandLine.Model.CommandSpec spec;

  private final DeclaredOptions<LayerPcOptions> options = new DeclaredOptions<>(LayerPcOptions.OPTIONS);

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @CommandLine.Mixin ClusterOption cluster = new ClusterOption();

  @Override
  public DeclaredOptions<?> declaredOptions() {
    return options;
  }

  /** Defaults, then the YAML file, then the flags given. */
  LayerPcOptions resolve() throws IOException {
    LayerPcOptions o = options.resolve(spec);
    if (o.needsCorpus() && o.corpus() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--corpus is required for pc, pc-centred and mean");
    }
    return o;
  }

  @Override
  public Integer call() throws Exception {
    LayerPcOptions o = resolve();
    long t0 = System.nanoTime();
    try (Teacher teacher = openTeacher(o.teacher(), o.precision())) {
      if (!quiet) {
        System.err.printf("x2s pc: teacher %s (%d layers × %d) loaded in %.1f s%n", teacher.info().id(),
            teacher.info().numLayers(), teacher.info().dim(), (System.nanoTime() - t0) / 1e9);
      }
      List<Path> files;
      try {
        LayerPcJob.validate(o, teacher.info());
        try (ChunkRunner runner = cluster.open(quiet)) {
          dev.x2s.teachers.Precision precision = o.precision();
          files = new LayerPcJob(o, teacher, System.err, quiet).runner(runner, id -> openTeacher(id, precision)).run();
        }
      } catch (IllegalArgumentException e) {
        System.err.println("x2s pc: " + e.getMessage());
        return 2;
      }
      if (!quiet) {
        System.err.printf("x2s pc: done in %.1f s, %d files in %s%n", (System.nanoTime() - t0) / 1e9, files.size(),
            o.out());
      }
    }
    return 0;
  }

  static Teacher openTeacher(String id, dev.x2s.teachers.Precision precision) {
    return Teachers.open(id, TeacherOptions.defaults().withPrecision(precision));
  }
}
