package dev.x2s.cli;

import dev.x2s.pipeline.VectorLoading;
import dev.x2s.pipeline.BenchmarkCatalog;
import dev.x2s.data.DatasetResolver;
import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.evaluate.Evaluator;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code x2s eval}: scores vector files on the standard benchmarks; one row per file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score word-vector files on word similarity, analogy, categorization and SemEval-2012 "
        + "(protocols in docs/PROTOCOLS.md); coverage is reported next to every score.")
final class EvalCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "VECTORS", description = "word2vec text/binary, GloVe, fastText .vec or .x2v files")
  List<Path> files;

  @Option(names = "--protocol", defaultValue = "skip", description = "skip (drop OOV items) or meanfill (OOV = mean vector). Default: ${DEFAULT-VALUE}")
  String protocol;

  @Option(names = "--benchmarks", split = ",", paramLabel = "ID",
      description = "Benchmarks to run (default: all): simlex999, men, ws353, ws353-sim, ws353-rel, rw, google, msr, bless, ap, semeval2012")
  List<String> benchmarks;

  @Option(names = "--similarity", paramLabel = "FILE", description = "Also score any word-pair file (w1 w2 score).")
  List<Path> extraSimilarity = new ArrayList<>();

  @Option(names = "--analogy", paramLabel = "FILE", description = "Also score any questions-words analogy file.")
  List<Path> extraAnalogy = new ArrayList<>();

  @Option(names = "--categories", paramLabel = "FILE", description = "Also score any category,word CSV.")
  List<Path> extraCategories = new ArrayList<>();

  @Option(names = "--lower", description = "Lower-case the vocabulary at load (first occurrence wins) and the benchmark words.")
  boolean lower;

  @Option(names = "--analogy-limit", defaultValue = "300000", description = "Analogy search space: the first N words. Default: ${DEFAULT-VALUE}")
  int analogyLimit;

  @Option(names = "--format", description = "md, csv or json: what is printed, and --out's format (default: md on screen, --out by its extension)")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (atomically) as well as printing it.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  /** Which items each row is scored on. */
  enum Coverage { COMMON, OWN }

  @Option(names = "--coverage", paramLabel = "VIEW", converter = CoverageConverter.class,
      description = "common: every file is restricted to the words all the files have (after --lower), so every row"
          + " scores the same items (analogies search those words; protocol skip); own: each file on its own"
          + " vocabulary, coverage printed beside each score. Default: common for several files, own for one.")
  Coverage coverage;

  @Mixin DataOption data = new DataOption();

  @Override
  public Integer call() throws Exception {
    Protocol p = switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
      case "skip" -> Protocol.SKIP;
      case "meanfill" -> Protocol.MEANFILL;
      default -> throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--protocol must be skip or meanfill, not " + protocol);
    };
    boolean common = (coverage == null ? (files.size() > 1 ? Coverage.COMMON : Coverage.OWN) : coverage)
        == Coverage.COMMON && files.size() > 1;
    if (common && p != Protocol.SKIP) {
      if (coverage == Coverage.COMMON) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
            "--coverage common scores files on the words they share; it goes with --protocol skip, not " + protocol);
      }
      common = false; // meanfill already scores every file on every item
    }
    DatasetResolver resolver = Datasets.resolver(data);
    StandardBenchmarks catalogue = BenchmarkCatalog.of(resolver);
    List<String> ids = benchmarks == null ? StandardBenchmarks.ids() : benchmarks;
    List<Benchmark> suite = new ArrayList<>(catalogue.load(ids));
    for (Path f : extraSimilarity) {
      suite.add(dev.x2s.evaluate.Benchmarks.similarityFile(f));
    }
    for (Path f : extraAnalogy) {
      suite.add(dev.x2s.evaluate.Benchmarks.analogyFile(f));
    }
    for (Path f : extraCategories) {
      suite.add(dev.x2s.evaluate.Benchmarks.categorizationFile(f));
    }
    EvaluationOptions options = EvaluationOptions.defaults()
        .withProtocol(p).withAnalogyLimit(analogyLimit).withLowercase(lower);
    Evaluator evaluator = new Evaluator(options);
    List<VectorResults> rows = new ArrayList<>();
    Set<String> shared = common ? sharedWords() : null;
    for (Path f : files) {
      WordVectors v = VectorLoading.load(f, ReadOptions.defaults().withLowerCase(lower), quiet).vectors();
      if (shared != null) {
        v = v.restrictTo(shared);
      }
      long t0 = System.nanoTime();
      rows.add(evaluator.evaluate(f.getFileName().toString(), v, suite));
      if (!quiet) {
        System.err.printf("%s: evaluated in %.1f s%n", f.getFileName(), (System.nanoTime() - t0) / 1e9);
      }
    }
    EvaluationReport report = shared == null ? new EvaluationReport(options, rows)
        : new EvaluationReport(p.id() + "-common (" + shared.size() + " words)", analogyLimit, rows);
    // The screen shows --format (default Markdown); --out is written in its extension's format.
    EvaluationReport.Format shown = format != null
        ? EvaluationReport.Format.forFile(Path.of("report." + format))
        : EvaluationReport.Format.MARKDOWN;
    System.out.print(report.render(shown));
    if (out != null) {
      report.write(out, format != null ? shown : EvaluationReport.Format.forFile(out));
    }
    return 0;
  }

  /** The words every file holds (after --lower): a first pass, so that one file at a time is in memory. */
  private Set<String> sharedWords() throws IOException {
    Set<String> shared = null;
    for (Path f : files) {
      List<String> words = VectorLoading.load(f, ReadOptions.defaults().withLowerCase(lower), true).vectors().words();
      if (shared == null) {
        shared = new HashSet<>(words);
      } else {
        shared.retainAll(new HashSet<>(words));
      }
    }
    return shared;
  }

  /** {@code common} / {@code own}, case-insensitive. */
  static final class CoverageConverter implements picocli.CommandLine.ITypeConverter<Coverage> {
    @Override
    public Coverage convert(String value) {
      try {
        return Coverage.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("--coverage is common or own, not '" + value + "'");
      }
    }
  }
}
