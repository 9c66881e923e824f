package dev.x2s.pipeline;

import dev.x2s.baselines.FastWord2Vec;
import dev.x2s.baselines.Word2VecOptions;
import dev.x2s.corpus.Casing;
import dev.x2s.corpus.CorpusSentences;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.data.DatasetResolver;
import dev.x2s.data.WordList;
import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.Evaluator;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.Sha256;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.layerpc.LayerPcJob;
import dev.x2s.layerpc.occurrence.CorpusCounts;
import dev.x2s.layerpc.LayerPcOptions;
import dev.x2s.layerpc.Method;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.registry.Teachers;
import dev.x2s.vectors.AllButTheTop;
import dev.x2s.vectors.Ensemble;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import dev.x2s.x2static.DistillConfig;
import dev.x2s.x2static.Distillation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The main job: ships one vocabulary in which every word has a vector. The teacher reads the first sentences
 * of a corpus (layer-PC run: a word's corpus vector) and encodes every shipped word alone (its fallback); the
 * two are blended by how often the word was seen, the chosen layers averaged, centred and post-processed
 * (all-but-the-top), and written to {@code vectors.x2v}. The vocabulary: the corpus words seen at least
 * {@code vocabMinCount} times plus the pinned English word list and any {@code --words} entries. A word2vec
 * baseline is trained on the same sentences, and everything (with GloVe 6B and fastText when their files
 * are in {@code out/glove}, {@code out/fasttext}) is scored in one table at equal coverage. Resumable: the
 * occurrence store and the layer-PC run resume; finished outputs are reused.
 */
public final class Quickstart {
  /** The shipped vocabulary's file name. */
  public static final String VECTORS = "vectors.x2v";

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
    Path corpusFile = o.corpus() != null ? o.corpus() : defaultCorpus(resolver);
    Files.createDirectories(out.resolve("work"));
    long t = System.nanoTime();
    List<String> list = wordList();
    Path listFile = writeList(list);
    provenance.seconds("word_list", elapsed(t));
    SentenceLimit sentences = o.sentences();
    List<Path> files = new ArrayList<>();
    try (Teacher teacher = Teachers.open(o.teacher())) {
      int[] layers = o.layers().resolve(teacher.info().numLayers(), teacher.info().id());
      if (o.budget() != null) {
        t = System.nanoTime();
        sentences = plan(teacher, layers, corpusFile, list);
        provenance.seconds("budget_calibration", elapsed(t));
      }
      say("quickstart: teacher %s, corpus %s, %s sentences, %,d listed words, output %s", o.teacher(), corpusFile,
          sentences, list.size(), out.toAbsolutePath());
      t = System.nanoTime();
      Path shipped = ship(teacher, layers, corpusFile, sentences, listFile);
      provenance.seconds("vocabulary", elapsed(t));
      files.add(shipped);
    }

    // word2vec CBOW on the same sentences, tokenized and lower-cased the same way
    t = System.nanoTime();
    Path w2v = out.resolve("word2vec-cbow-" + o.baselineDim() + "d.x2v");
    if (!Files.exists(w2v)) {
      say("quickstart: training word2vec CBOW %dd on the same sentences", o.baselineDim());
      CorpusSentences same = new CorpusSentences(corpusFile, sentences, true);
      WordVectors v = FastWord2Vec.train(same.joined(), Word2VecOptions.defaults(false, o.baselineDim()));
      VectorFiles.write(v, w2v, VectorFormat.X2V);
    }
    provenance.seconds("word2vec_cbow", elapsed(t));
    files.add(w2v);

    if (o.student()) {
      t = System.nanoTime();
      Path student = out.resolve("x2static-" + Path.of(o.teacher()).getFileName() + ".x2v");
      DistillConfig cfg = DistillConfig.defaults(o.teacher(), corpusFile, student).toBuilder()
          .set(DistillConfig::maxSentences, sentences).set(DistillConfig::epochs, o.studentEpochs()).build();
      Distillation.run(cfg, id -> Teachers.open(id, dev.x2s.teachers.TeacherOptions.defaults()
          .withPrecision(cfg.precision())), quiet);
      provenance.seconds("student", elapsed(t));
      files.add(student);
    }
    files.addAll(references());

    t = System.nanoTime();
    EvaluationReport own = evaluate(files, null);
    EvaluationReport common = evaluate(files, sharedWords(files));
    provenance.seconds("evaluation", elapsed(t));
    own.write(out.resolve("report-own-coverage.md"));
    own.write(out.resolve("report-own-coverage.json"));
    common.write(out.resolve("report.md"));
    common.write(out.resolve("report.json"));
    writeSummary(corpusFile, files);
    say("quickstart: shipped %s (%,d words); equal-coverage report in %s, each file's own coverage in %s",
        out.resolve(VECTORS), VectorFiles.read(out.resolve(VECTORS)).size(), out.resolve("report.md"),
        out.resolve("report-own-coverage.md"));
    return headline(common);
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

  /** The pinned English list (unless turned off) and the --words entries, lower-cased, in that order. */
  private List<String> wordList() throws IOException {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    if (o.englishWords()) {
      dev.x2s.data.ResolvedDataset english = resolver.resolve("english-words");
      for (String w : WordList.read(english)) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
      provenance.put("english_words", Map.of("entry", "english-words", "source", english.source(),
          "words", words.size(), "licence", english.entry().licence()));
    }
    if (o.words() != null) {
      for (String line : Files.readAllLines(o.words(), StandardCharsets.UTF_8)) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return new ArrayList<>(words);
  }

  /** The merged list, named by its content so that the layer-PC run's fingerprint follows the content. */
  private Path writeList(List<String> list) throws IOException {
    String text = list.isEmpty() ? "" : String.join("\n", list) + "\n";
    Path f = o.out().resolve("work/words-" + Sha256.of(text).substring(0, 12) + ".txt");
    if (!Files.exists(f)) {
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return list.isEmpty() ? null : f;
  }

  /** Times the teacher, prints the plan, returns the sentences it affords. */
  private SentenceLimit plan(Teacher teacher, int[] layers, Path corpus, List<String> list) throws IOException {
    double budget = TeacherBudget.parseSeconds(o.budget());
    List<Sentence> sample = new ArrayList<>();
    try (SentenceStream s = SentenceStream.open(corpus, SentenceSplitter.Kind.RULES, SentenceLimit.of(288),
        Casing.LOWER_WORDS)) {
      s.forEachRemaining(sample::add);
    }
    List<String> words = new ArrayList<>();
    int step = Math.max(1, list.size() / 512);
    for (int i = 0; i < list.size() && words.size() < 512; i += step) {
      words.add(list.get(i));
    }
    if (words.size() < 2) {
      words = List.of("the", "of", "and", "word");
    }
    LayerPcOptions lo = LayerPcOptions.defaults(o.teacher(), corpus, o.out(), o.layers(), EnumSet.of(o.method()));
    TeacherBudget b = TeacherBudget.calibrate(budget, teacher, lo.extraction(layers[layers.length - 1]), sample, words);
    long shipped = shippedWords(corpus, SentenceLimit.ALL.max(), list); // the vocabulary is counted over the whole corpus
    TeacherBudget.Plan p = b.plan(n -> shipped, 1000, Long.MAX_VALUE);
    say("quickstart: %s", p.describe(b));
    provenance.put("budget", Map.of("seconds", budget, "sentences_per_second", b.sentencesPerSecond(),
        "words_per_second", b.wordsPerSecond(), "sentences", p.sentences(), "words_alone", p.wordsAlone(),
        "estimated_seconds", p.estimatedSeconds()));
    if (!p.fits()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s budget cannot give all %,d words a vector"
          + " (%s needed at least); raise --budget, or ship fewer words (--no-english-words)", o.budget(),
          p.wordsAlone(), TeacherBudget.clock(p.estimatedSeconds())));
    }
    return SentenceLimit.of(p.sentences());
  }

  /** Shipped words: the list plus the corpus words seen {@code vocabMinCount} times in the first {@code sentences}. */
  private long shippedWords(Path corpus, long sentences, List<String> list) throws IOException {
    // the count-table bound the layer-PC run uses, so the plan counts the words the run will ship
    CorpusCounts counts = new CorpusCounts(
        LayerPcOptions.defaults(o.teacher(), corpus, o.out(), o.layers(), EnumSet.of(o.method())).maxVocab());
    try (SentenceStream s = SentenceStream.open(corpus, SentenceSplitter.Kind.RULES, SentenceLimit.of(sentences),
        Casing.LOWER_WORDS)) {
      counts.addAll(s);
    }
    java.util.Set<String> all = new java.util.HashSet<>(list);
    all.addAll(counts.frequent(o.vocabMinCount(), Integer.MAX_VALUE));
    return all.size();
  }

  /**
   * The layer-PC run (corpus vectors + every shipped word alone, blended per layer), then the recipe's
   * post-processing: the layers averaged, centred on the frequent words, all-but-the-top.
   */
  private Path ship(Teacher teacher, int[] layers, Path corpus, SentenceLimit sentences, Path listFile)
      throws IOException {
    Path dir = o.out().resolve("layer-pc");
    LayerPcOptions lo = LayerPcOptions.defaults(o.teacher(), corpus, dir, o.layers(),
            EnumSet.of(o.method(), Method.DECONTEXT)).toBuilder()
        .set(LayerPcOptions::maxSentences, sentences).set(LayerPcOptions::lowercase, true)
        .set(LayerPcOptions::minContexts, 1).set(LayerPcOptions::vocabMinCount, o.vocabMinCount())
        .set(LayerPcOptions::blend, o.blend()).set(LayerPcOptions::decontextWords, listFile).build();
    new LayerPcJob(lo, teacher, System.err, quiet).run();
    List<WordVectors> perLayer = new ArrayList<>();
    for (int l : layers) {
      perLayer.add(VectorFiles.read(dir.resolve(o.method().id() + "+decontext-layer" + l + ".x2v")));
    }
    // one layer ships as it is; several are averaged after centring each on the frequent words
    WordVectors v = perLayer.size() == 1 ? perLayer.get(0) : Ensemble.combine(perLayer, Ensemble.Mode.AVERAGE, o.fitRows());
    int components = o.abtt() < 0 ? AllButTheTop.defaultComponents(v.dim()) : o.abtt();
    if (components > 0) {
      v = AllButTheTop.apply(v, components, o.fitRows());
    }
    Path f = o.out().resolve(VECTORS);
    VectorFiles.write(v, f, VectorFormat.X2V);
    Provenance p = Provenance.start("x2s quickstart").config(o).put("teacher", teacher.info())
        .put("resolved_layers", layers).put("layer_pc_run", dir.resolve("run.json").toString())
        .put("recipe", "per layer: blend(" + o.method().id() + ", decontext, kappa=" + o.blend() + ")"
            + (layers.length > 1 ? "; layers averaged (each centred on the first " + o.fitRows() + " rows, unit)" : "")
            + (components > 0 ? "; all-but-the-top D=" + components + " fitted on the first " + o.fitRows() + " rows"
                : "; no post-processing"))
        .put("words", v.size()).put("dim", v.dim());
    p.writeFor(f);
    say("quickstart: %s: %,d words × %d", f, v.size(), v.dim());
    return f;
  }

  /** GloVe 6B-100d and fastText as the bench scripts write them under the checkout's out/, when present. */
  private List<Path> references() {
    String home = System.getProperty("x2s.home");
    if (home == null) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    for (String f : List.of("out/glove/glove.6B.100d.w2v.txt", "out/fasttext/fasttext-skipgram-300d.vec")) {
      Path p = Path.of(home).resolve(f);
      if (Files.isRegularFile(p)) {
        found.add(p);
      }
    }
    return found;
  }

  /** The words every file holds (lower-cased). */
  private java.util.Set<String> sharedWords(List<Path> files) throws IOException {
    java.util.Set<String> shared = null;
    for (Path f : files) {
      List<String> w = VectorLoading.load(f, ReadOptions.defaults().withLowerCase(true), true).vectors().words();
      if (shared == null) {
        shared = new java.util.HashSet<>(w);
      } else {
        shared.retainAll(new java.util.HashSet<>(w));
      }
    }
    return shared;
  }

  private EvaluationReport evaluate(List<Path> files, java.util.Set<String> shared) throws IOException {
    List<Benchmark> suite = BenchmarkCatalog.of(resolver).load(StandardBenchmarks.ids());
    EvaluationOptions options = EvaluationOptions.defaults().withLowercase(true);
    Evaluator evaluator = new Evaluator(options);
    List<VectorResults> rows = new ArrayList<>();
    for (Path f : files) {
      WordVectors v = VectorLoading.load(f, ReadOptions.defaults().withLowerCase(true), quiet).vectors();
      if (shared != null) {
        v = v.restrictTo(shared);
      }
      rows.add(evaluator.evaluate(f.getFileName().toString(), v, suite));
    }
    return shared == null ? new EvaluationReport(options, rows)
        : new EvaluationReport("skip-common (" + shared.size() + " words)", options.analogyLimit(), rows);
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
    provenance.put("corpus_sha256", Sha256.of(corpusFile));
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
