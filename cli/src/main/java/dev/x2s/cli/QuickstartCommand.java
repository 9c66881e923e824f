package dev.x2s.cli;

import dev.x2s.distill.teacher.Teachers;
import com.google.gson.GsonBuilder;
import dev.x2s.data.DatasetResolver;
import dev.x2s.distill.staticvec.LayerPcJob;
import dev.x2s.distill.staticvec.LayerPcOptions;
import dev.x2s.distill.staticvec.Method;
import dev.x2s.distill.teacher.Teacher;
import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.EvaluationOptions;
import dev.x2s.evaluate.Evaluator;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.trainer.DistillConfig;
import dev.x2s.trainer.Distillation;
import dev.x2s.trainer.baseline.FastWord2Vec;
import dev.x2s.trainer.baseline.Word2VecOptions;
import dev.x2s.vectors.AtomicFiles;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s quickstart}: the main job on the default settings. Distils an X2Static student from a
 * teacher over the first sentences of a corpus, trains a word2vec baseline on the same sentences,
 * builds layer-PC and mean vectors of two teacher layers, evaluates everything on every benchmark and
 * prints one comparison table. Every stage is resumable through the tools it uses (the context cache,
 * the occurrence store), so a rerun reuses finished work.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Distil static vectors from a contextual teacher, train a word2vec baseline on the same "
        + "sentences, build layer-PC vectors, and print one comparison table on every benchmark.")
final class QuickstartCommand implements Callable<Integer> {
  @Option(names = "--teacher", defaultValue = "all-minilm-l6-v2",
      description = "Teacher id. Default: ${DEFAULT-VALUE} (about 10× cheaper than BERT-base).")
  String teacher;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "Corpus (plain text or WikiExtractor, .gz ok). Default: the shared Wikipedia sample "
          + "(enwiki-2015-AA), resolved like the benchmarks (--data, $X2S_DATA, ../shared, cache, download).")
  Path corpus;

  @Option(names = "--sentences", defaultValue = "80000",
      description = "Sentences for the student and the baseline. Default: ${DEFAULT-VALUE}.")
  long sentences;

  @Option(names = "--pc-sentences", defaultValue = "20000",
      description = "Sentences for the layer-PC vectors (a second teacher pass). Default: ${DEFAULT-VALUE}.")
  long pcSentences;

  @Option(names = "--pc-layers", split = ",", defaultValue = "1,-1",
      description = "Teacher layers for layer-PC vectors (negative = from the top). Default: ${DEFAULT-VALUE}.")
  List<Integer> pcLayers;

  @Option(names = "--student-epochs", defaultValue = "20",
      description = "Student epochs over the cached teacher contexts (cheap: seconds each). Default: ${DEFAULT-VALUE}.")
  int studentEpochs;

  @Option(names = "--baseline-dim", defaultValue = "300", description = "word2vec dimension. Default: ${DEFAULT-VALUE}.")
  int baselineDim;

  @Option(names = "--out", defaultValue = "out/quickstart", paramLabel = "DIR",
      description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Mixin DataOption data = new DataOption();

  @Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, Double> seconds = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (sentences < 1 || pcSentences < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--sentences must be positive and --pc-sentences not negative");
    }
    DatasetResolver resolver = Datasets.resolver(data);
    Path corpusFile = corpus != null ? corpus : defaultCorpus(resolver);
    Files.createDirectories(out);
    say("quickstart: teacher %s, corpus %s, %,d sentences (layer-PC: %,d), output %s",
        teacher, corpusFile, sentences, pcSentences, out.toAbsolutePath());

    List<Path> files = new ArrayList<>();
    // 1. The X2Static student (teacher contexts are cached, so a rerun skips the teacher).
    long t = System.nanoTime();
    Path student = out.resolve("x2static-" + teacher + ".x2v");
    DistillConfig cfg = DistillConfig.defaults(teacher, corpusFile, student).toBuilder()
        .maxSentences(sentences).epochs(studentEpochs).build();
    Distillation.run(cfg, Teachers::open, quiet);
    seconds.put("student (teacher + training)", elapsed(t));
    files.add(student);

    // 2. word2vec CBOW on the same sentences, tokenized and lower-cased the same way.
    t = System.nanoTime();
    Path w2v = out.resolve("word2vec-cbow-" + baselineDim + "d.x2v");
    if (!Files.exists(w2v)) {
      say("quickstart: training word2vec CBOW %dd on the same sentences", baselineDim);
      CorpusSentences same = new CorpusSentences(corpusFile, sentences, cfg.lowercase());
      WordVectors v = FastWord2Vec.train(same.joined(), Word2VecOptions.defaults(false, baselineDim));
      VectorFiles.write(v, w2v, VectorFormat.X2V);
    }
    seconds.put("word2vec CBOW", elapsed(t));
    files.add(w2v);

    // 3. Layer-PC and mean vectors of the teacher (a second, smaller teacher pass).
    if (pcSentences > 0) {
      t = System.nanoTime();
      files.addAll(layerPc(corpusFile));
      seconds.put("layer-PC", elapsed(t));
    }

    // 4. One table.
    t = System.nanoTime();
    EvaluationReport report = evaluate(resolver, files);
    seconds.put("evaluation", elapsed(t));
    System.out.print(headline(report).toMarkdown());
    report.write(out.resolve("report.md"));
    report.write(out.resolve("report.json"));
    writeSummary(corpusFile, files);
    say("quickstart: done; report in %s", out.resolve("report.md"));
    return 0;
  }

  private Path defaultCorpus(DatasetResolver resolver) throws IOException {
    try {
      return resolver.resolveFile("enwiki-2015-AA");
    } catch (IOException e) {
      throw new IOException("no corpus: " + e.getMessage()
          + "\nPass one with --corpus FILE (plain text, one sentence or paragraph per line, or "
          + "WikiExtractor output; .gz is fine).", e);
    }
  }

  private List<Path> layerPc(Path corpusFile) throws IOException {
    Path dir = out.resolve("layer-pc");
    try (Teacher t = Teachers.open(teacher)) {
      int top = t.info().numLayers() - 1;
      int[] layers = pcLayers.stream().mapToInt(l -> l < 0 ? top + 1 + l : l).distinct().sorted().toArray();
      LayerPcOptions o = LayerPcOptions.defaults(corpusFile, dir, layers, EnumSet.of(Method.PC, Method.MEAN));
      // lower-cased like the student and the word2vec baseline: one vocabulary convention for the table
      o = o.with(o.samplesPerWord(), o.minContexts(), o.seed(), pcSentences).withLowercase(true);
      new LayerPcJob(o, t, System.err, quiet).run();
      List<Path> files = new ArrayList<>();
      for (int l : layers) {
        files.add(dir.resolve(LayerPcJob.fileName(Method.PC, l)));
        files.add(dir.resolve(LayerPcJob.fileName(Method.MEAN, l)));
      }
      return files;
    }
  }

  private EvaluationReport evaluate(DatasetResolver resolver, List<Path> files) throws IOException {
    List<Benchmark> suite = Datasets.benchmarks(resolver).load(StandardBenchmarks.ids());
    Evaluator evaluator = new Evaluator(EvaluationOptions.defaults());
    List<VectorResults> rows = new ArrayList<>();
    for (Path f : files) {
      WordVectors v = VectorLoading.load(f, ReadOptions.defaults(), quiet).vectors();
      rows.add(evaluator.evaluate(f.getFileName().toString(), v, suite));
    }
    return new EvaluationReport(evaluator.options(), rows);
  }

  /** The columns a person reads first: one headline metric per benchmark. */
  private static final java.util.Set<String> HEADLINE = java.util.Set.of(
      "simlex999/spearman", "men/spearman", "ws353/spearman", "rw/spearman", "google/3cosadd",
      "msr/3cosadd", "bless/purity", "ap/purity", "semeval2012/spearman-test");

  private static EvaluationReport headline(EvaluationReport full) {
    List<VectorResults> rows = new ArrayList<>();
    for (VectorResults r : full.rows()) {
      rows.add(new VectorResults(r.name(), r.size(), r.dim(), r.scores().stream()
          .filter(s -> HEADLINE.contains(s.benchmark() + "/" + s.metric())).toList()));
    }
    return new EvaluationReport(full.protocol(), full.analogyLimit(), rows);
  }

  private void writeSummary(Path corpusFile, List<Path> files) throws IOException {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("tool", "x2s quickstart");
    s.put("teacher", teacher);
    s.put("corpus", corpusFile.toString());
    s.put("sentences", sentences);
    s.put("pcSentences", pcSentences);
    s.put("pcLayers", pcLayers);
    s.put("studentEpochs", studentEpochs);
    s.put("baselineDim", baselineDim);
    s.put("files", files.stream().map(Path::toString).toList());
    s.put("seconds", seconds);
    s.put("java", System.getProperty("java.version"));
    AtomicFiles.writeString(out.resolve("quickstart.json"),
        new GsonBuilder().setPrettyPrinting().create().toJson(s));
  }

  private static double elapsed(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private void say(String format, Object... args) {
    if (!quiet) {
      System.err.println(String.format(Locale.ROOT, format, args));
    }
  }
}
