package dev.x2s.cli;

import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.Sha256;
import dev.x2s.pipeline.VectorLoading;
import dev.x2s.vectors.AllButTheTop;
import dev.x2s.vectors.Ensemble;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code x2s combine}: several vector files of the same words → one (teacher ensembles, layer averages). */
@Command(name = "combine", mixinStandardHelpOptions = true,
    description = "Join vector files of the same words: each centred on the mean of its first --fit-rows rows and"
        + " made unit length, then concatenated (cosine = mean of the inputs' cosines) or averaged (equal widths:"
        + " e.g. layers of one teacher). Words: the first file's, in its order, that every file has.")
final class CombineCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "VECTORS")
  List<Path> files;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output (format by extension, as convert).")
  Path out;

  @Option(names = "--mode", defaultValue = "concat", description = "concat or average. Default: ${DEFAULT-VALUE}")
  String mode;

  @Option(names = "--fit-rows", defaultValue = "20000", paramLabel = "N",
      description = "Rows (the most frequent words) whose mean is subtracted, and on which --abtt is fitted. Default: ${DEFAULT-VALUE}")
  int fitRows;

  @Option(names = "--abtt", arity = "0..1", fallbackValue = "-1", paramLabel = "D",
      preprocessor = ConvertCommand.OptionalCount.class,
      description = "Then all-but-the-top on the result, fitted on the first --fit-rows rows (default D = dim/100).")
  Integer abtt;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Ensemble.Mode m;
    try {
      m = Ensemble.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mode is concat or average, not " + mode);
    }
    if (fitRows < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fit-rows must be >= 1");
    }
    List<WordVectors> inputs = new ArrayList<>();
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Path f : files) {
      WordVectors v = VectorLoading.load(f, ReadOptions.defaults(), quiet).vectors();
      inputs.add(v);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("path", f.toAbsolutePath().normalize().toString());
      s.put("sha256", Sha256.of(f));
      s.put("words", v.size());
      s.put("dim", v.dim());
      sources.add(s);
    }
    WordVectors v = Ensemble.combine(inputs, m, fitRows);
    int components = 0;
    if (abtt != null) {
      components = abtt < 0 ? AllButTheTop.defaultComponents(v.dim()) : abtt;
      v = AllButTheTop.apply(v, components, fitRows);
    }
    VectorFiles.write(v, out, VectorFormat.forFile(out));
    Provenance.start("x2s combine").put("inputs", sources).put("mode", m.name().toLowerCase(Locale.ROOT))
        .put("fit_rows", fitRows).put("abtt_components", components).put("words", v.size()).put("dim", v.dim())
        .seconds("total", (System.nanoTime() - t0) / 1e9).writeFor(out);
    if (!quiet) {
      System.err.printf("%s: %,d words × %d (%s of %d files%s)%n", out, v.size(), v.dim(),
          m.name().toLowerCase(Locale.ROOT), files.size(), components > 0 ? ", all-but-the-top " + components : "");
    }
    return 0;
  }
}
