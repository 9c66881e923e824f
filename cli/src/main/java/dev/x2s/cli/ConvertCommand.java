package dev.x2s.cli;

import dev.x2s.pipeline.VectorLoading;
import dev.x2s.jobs.Progress;
import dev.x2s.vectors.AllButTheTop;
import dev.x2s.vectors.ClusterIsotropyEnhancement;
import dev.x2s.vectors.Dtype;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.Whitening;
import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.WriteOptions;
import dev.x2s.jobs.Provenance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code x2s convert}: between vector formats, optionally with one post-processing: all-but-the-top,
 * cluster-based isotropy enhancement or whitening.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Convert a vector file (any readable format, detected from content) to another format. "
        + "The output is written atomically: on failure nothing is left behind.")
final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  @Option(names = "--to", description = "word2vec, word2vec-bin, glove, vec, x2v or model2vec (a folder that Model2Vec and sentence-transformers load; alias sentence-transformers). Default: from OUT's extension: .x2v, .bin, .vec, .glove.txt; an existing folder: model2vec; else word2vec")
  String to;

  @Option(names = "--dtype", defaultValue = "fp32", description = "x2v storage: fp32, fp16 or int8; model2vec: fp32 or fp16. Default: ${DEFAULT-VALUE}")
  String dtype;

  @Option(names = "--lower", description = "Lower-case words (first occurrence wins).")
  boolean lower;

  @Option(names = "--limit", defaultValue = "0", description = "Keep only the first N words (0 = all).")
  int limit;

  @Option(names = "--abtt", arity = "0..1", fallbackValue = "-1", paramLabel = "D", preprocessor = OptionalCount.class,
      description = "All-but-the-top (Mu et al. 2018): subtract the mean and remove the top D principal directions (default D = dim/100).")
  Integer abtt;

  @Option(names = "--cluster-isotropy", arity = "0..1", fallbackValue = "-1", paramLabel = "K",
      preprocessor = OptionalCount.class,
      description = "Cluster-based isotropy enhancement (Rajaee & Pilehvar 2021): k-means into K clusters (default 10),"
          + " centre each cluster and remove its top --cluster-directions principal directions.")
  Integer clusterIsotropy;

  @Option(names = "--cluster-directions", paramLabel = "D",
      description = "Directions removed per cluster by --cluster-isotropy (default dim/100; 0: only per-cluster centring).")
  Integer clusterDirections;

  @Option(names = "--whiten", arity = "0..1", fallbackValue = "-1", paramLabel = "DIMS", preprocessor = OptionalCount.class,
      description = "Whitening (Su et al. 2021): subtract the mean, rotate to the principal axes and scale each to unit"
          + " variance, keeping the DIMS largest (default: all).")
  Integer whiten;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --cluster-isotropy's k-means. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    VectorFormat format = format();
    Dtype d = switch (dtype.toLowerCase(Locale.ROOT)) {
      case "fp32" -> Dtype.FP32;
      case "fp16" -> Dtype.FP16;
      case "int8" -> Dtype.INT8;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--dtype must be fp32, fp16 or int8");
    };
    if (d != Dtype.FP32 && format != VectorFormat.X2V && !(d == Dtype.FP16 && format == VectorFormat.MODEL2VEC)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dtype " + dtype + " needs the x2v format"
          + (d == Dtype.FP16 ? " or model2vec" : ""));
    }
    int post = (abtt != null ? 1 : 0) + (clusterIsotropy != null ? 1 : 0) + (whiten != null ? 1 : 0);
    if (post > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give at most one of --abtt, --cluster-isotropy and --whiten");
    }
    if (clusterDirections != null && clusterIsotropy == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cluster-directions needs --cluster-isotropy");
    }
    Provenance provenance = Provenance.start("x2s convert");
    ReadOptions ro = ReadOptions.defaults().withLowerCase(lower);
    if (limit > 0) {
      ro = ro.withLimit(limit);
    }
    WordVectors v = VectorLoading.load(in, ro, quiet).vectors();
    if (abtt != null) {
      int components = abtt < 0 ? AllButTheTop.defaultComponents(v.dim()) : abtt;
      v = AllButTheTop.apply(v, components);
      if (!quiet) {
        System.err.printf("all-but-the-top: removed the mean and %d directions%n", components);
      }
    }
    if (clusterIsotropy != null) {
      int k = clusterIsotropy < 0 ? ClusterIsotropyEnhancement.DEFAULT_CLUSTERS : clusterIsotropy;
      int dirs = clusterDirections == null ? AllButTheTop.defaultComponents(v.dim()) : clusterDirections;
      try {
        v = ClusterIsotropyEnhancement.apply(v, Math.min(k, v.size()), dirs, seed);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--cluster-isotropy: " + e.getMessage());
      }
      if (!quiet) {
        System.err.printf("cluster-based isotropy enhancement: %d clusters, each centred, %d directions removed"
            + " per cluster (seed %d)%n", Math.min(k, v.size()), dirs, seed);
      }
    }
    if (whiten != null) {
      int dims = whiten < 0 ? v.dim() : whiten;
      try {
        v = Whitening.apply(v, dims);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--whiten: " + e.getMessage());
      }
      if (!quiet) {
        System.err.printf("whitening: mean removed, %d unit-variance principal directions kept%n", dims);
      }
    }
    try (Progress p = quiet ? Progress.silent("write") : Progress.builder("write " + out.getFileName())
        .total(v.size()).unit("rows").build()) {
      VectorFiles.write(v, out, format, WriteOptions.defaults().withDtype(d)
          .withProgress(VectorLoading.delta(p)));
    }
    writeProvenance(provenance, format, v);
    if (!quiet) {
      System.err.printf("%s: %s, %,d words × %d%n", out, format, v.size(), v.dim());
    }
    return 0;
  }

  /**
   * {@code OUT.provenance.json} beside the output (for a folder too, so the folder holds only what
   * Model2Vec and sentence-transformers read): the options, the result, and the input's own provenance
   * when it has one, so a shipped folder still says which teacher and recipe made its vectors.
   */
  private void writeProvenance(Provenance p, VectorFormat format, WordVectors v) throws java.io.IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("to", to); // as given (null: from OUT)
    config.put("format", format.name().toLowerCase(Locale.ROOT));
    config.put("dtype", dtype.toLowerCase(Locale.ROOT));
    config.put("lower", lower);
    config.put("limit", limit);
    config.put("abtt", abtt);
    p.put("config", config).put("input", in.toString()).put("output", out.toString())
        .put("words", v.size()).put("dim", v.dim());
    Path source = Provenance.fileFor(in);
    if (java.nio.file.Files.isRegularFile(source)) {
      try {
        p.put("input_provenance", new com.google.gson.Gson().fromJson(
            java.nio.file.Files.readString(source), Map.class));
      } catch (com.google.gson.JsonParseException e) {
        System.err.println("warning: " + source + " is not valid JSON; not copied into the provenance");
      }
    }
    p.writeFor(out);
  }

  private VectorFormat format() {
    try {
      return to == null ? VectorFormat.forFile(out) : VectorFormat.named(to);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--to: " + e.getMessage());
    }
  }

  /**
   * {@code --abtt IN OUT} must not read IN as D: a detached value is taken only when it is a number
   * (picocli's optional parameters otherwise swallow the next positional).
   */
  static final class OptionalCount implements picocli.CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(java.util.Stack<String> args, picocli.CommandLine.Model.CommandSpec spec,
        picocli.CommandLine.Model.ArgSpec arg, java.util.Map<String, Object> info) {
      if (" ".equals(info.get("separator")) && (args.isEmpty() || !args.peek().matches("\\d+"))) {
        args.push("-1"); // as if --abtt=-1: the default count
      }
      return false;
    }
  }
}
