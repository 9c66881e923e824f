package dev.x2s.pipeline;

import dev.x2s.baselines.FastWord2Vec;
import dev.x2s.baselines.Word2VecOptions;
import dev.x2s.corpus.CorpusSentences;
import dev.x2s.data.DatasetResolver;
import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.evaluate.Evaluator;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.layerpc.LayerPcJob;
import dev.x2s.layerpc.LayerPcOptions;
import dev.x2s.layerpc.Method;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.registry.Teachers;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import dev.x2s.x2static.DistillConfig;
import dev.x2s.x2static.Distillation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The main job on the default settings: distils an X2Static student from a teacher over the first
 * sentences of a corpus, trains a word2vec baseline on the same sentences, builds layer-PC and mean
 * vectors of two teacher layers, evaluates everything on every benchmark and returns one comparison
 * table. Every stage is resumable through the tools it uses (the context cache, the occurrence
 * store), so a rerun reuses finished work.
 */
public final class Quickstart {
  private final QuickstartOptions o;
  private final DatasetResolver resolver;
  private final boolean quiet;
  private Provenance provenance;

  /** @param quiet no progress output */
  public Quickstart(QuickstartOptions options, DatasetResolver resolver, boolean quiet) {
    this.o = options;
    this.resolver = resolver;
    this.quiet = quiet;
  }

  /** Runs every stage, writes the report and the summary into the output directory, returns the headline table. */
  public EvaluationReport run() throws IOException {
    provenance = Provenance.start("x2s quickstart").config(o);
    Path out = o.out();
    String teacher = o.teacher();
    SentenceLimit sentences = o.sentences();
    Path corpusFile = o.corpus() != null ? o.corpus() : defaultCorpus(resolver);
    Files.createDirectories(out);
    say("quickstart: teacher %s, corpus %s, %s sentences (layer-PC: %s), output %s",
        teacher, corpusFile, sentences, o.layerPc() ? o.pcSentences() : "none", out.toAbsolutePath());

    List<Path> files = new ArrayList<>();
    // 1. The X2Static student (teacher contexts are cached, so a rerun skips the teacher).
    long t = System.nanoTime();
    // a teacher given as a directory is named by its last component, not its whole path
    Path student = out.resolve("x2static-" + Path.of(teacher).getFileName() + ".x2v");
    DistillConfig cfg = DistillConfig.defaults(teacher, corpusFile, student).toBuilder()
        .set(DistillConfig::maxSentences, sentences).set(DistillConfig::epochs, o.studentEpochs()).build();
    Distillation.run(cfg, id -> Teachers.open(id, dev.x2s.teachers.TeacherOptions.defaults()
        .withPrecision(cfg.precision())), quiet);
    provenance.seconds("student", elapsed(t));
    files.add(student);

    // 2. word2vec CBOW on the same sentences, tokenized and lower-cased the same way.
    t = System.nanoTime();
    Path w2v = out.resolve("word2vec-cbow-" + o.baselineDim() + "d.x2v");
    if (!Files.exists(w2v)) {
      say("quickstart: training word2vec CBOW %dd on the same sentences", o.baselineDim());
      CorpusSentences same = new CorpusSentences(corpusFile, sentences, cfg.lowercase());
      WordVectors v = FastWord2Vec.train(same.joined(), Word2VecOptions.defaults(false, o.baselineDim()));
      VectorFiles.write(v, w2v, VectorFormat.X2V);
    }
    provenance.seconds("word2vec_cbow", elapsed(t));
    files.add(w2v);

    // 3. Layer-PC and mean vectors of the teacher (a second, smaller teacher pass).
    if (o.layerPc()) {
      t = System.nanoTime();
      files.addAll(layerPc(corpusFile));
      provenance.seconds("layer_pc", elapsed(t));
    }

    // 4. One table.
    t = System.nanoTime();
    EvaluationReport report = evaluate(files);
    provenance.seconds("evaluation", elapsed(t));
    report.write(out.resolve("report.md"));
    report.write(out.resolve("report.json"));
    writeSummary(corpusFile, files);
    say("quickstart: done; report in %s", out.resolve("report.md"));
    return headline(report);
  }

  private static Path defaultCorpus(DatasetResolver resolver) throws IOException {
    try {
      return resolver.resolveFile("enwiki-2015-AA");
    } catch (IOException e) {
      throw new IOException("no corpus: " + e.getMessage()
          + "\nPass one with --corpus FILE (plain text, one sentence or paragraph per line, or "
          + "WikiExtractor output; .gz is fine).", e);
    }
  }

  private List<Path> layerPc(Path corpusFile) throws IOException {
    Path dir = o.out().resolve("layer-pc");
    try (Teacher t = Teachers.open(o.teacher())) {
      int[] layers = o.pcLayers().resolve(t.info().numLayers(), t.info().id());
      // lower-cased like the student and the word2vec baseline: one vocabulary convention for the table
      LayerPcOptions lo = LayerPcOptions.defaults(o.teacher(), corpusFile, dir, o.pcLayers(),
              EnumSet.of(Method.PC, Method.MEAN)).toBuilder()
          .set(LayerPcOptions::maxSentences, o.pcSentences()).set(LayerPcOptions::lowercase, true).build();
      new LayerPcJob(lo, t, System.err, quiet).run();
      List<Path> files = new ArrayList<>();
      for (int l : layers) {
        files.add(dir.resolve(LayerPcJob.fileName(Method.PC, l)));
        files.add(dir.resolve(LayerPcJob.fileName(Method.MEAN, l)));
      }
      return files;
    }
  }

  private EvaluationReport evaluate(List<Path> files) throws IOException {
    List<Benchmark> suite = BenchmarkCatalog.of(resolver).load(StandardBenchmarks.ids());
    Evaluator evaluator = new Evaluator(EvaluationOptions.defaults());
    List<VectorResults> rows = new ArrayList<>();
    for (Path f : files) {
      WordVectors v = VectorLoading.load(f, ReadOptions.defaults(), quiet).vectors();
      rows.add(evaluator.evaluate(f.getFileName().toString(), v, suite));
    }
    return new EvaluationReport(evaluator.options(), rows);
  }

  /** The columns a person reads first: one headline metric per benchmark. */
  private static final Set<String> HEADLINE = Set.of(
      "simlex999/spearman", "men/spearman", "ws353/spearman", "rw/spearman", "google/3cosadd",
      "msr/3cosadd", "bless/purity", "ap/purity", "semeval2012/spearman-test");

  public static EvaluationReport headline(EvaluationReport full) {
    List<VectorResults> rows = new ArrayList<>();
    for (VectorResults r : full.rows()) {
      rows.add(new VectorResults(r.name(), r.size(), r.dim(), r.scores().stream()
          .filter(s -> HEADLINE.contains(s.benchmark() + "/" + s.metric())).toList()));
    }
    return new EvaluationReport(full.protocol(), full.analogyLimit(), rows);
  }

  private void writeSummary(Path corpusFile, List<Path> files) throws IOException {
    provenance.put("corpus", corpusFile.toString());
    provenance.put("files", files.stream().map(Path::toString).toList());
    provenance.write(o.out().resolve("quickstart.json"));
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
