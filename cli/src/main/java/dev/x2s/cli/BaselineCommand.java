package dev.x2s.cli;

import dev.x2s.pipeline.VectorLoading;
import dev.x2s.corpus.CorpusSentences;

import dev.x2s.jobs.Progress;
import dev.x2s.jobs.Sha256;
import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.baselines.FastWord2Vec;
import dev.x2s.baselines.Word2VecBaseline;
import dev.x2s.baselines.Word2VecOptions;
import dev.x2s.baselines.glove.GloveBaseline;
import dev.x2s.baselines.glove.GloveOptions;
import dev.x2s.baselines.glove.GloveResult;
import dev.x2s.baselines.glove.GloveStats;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.WriteOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s baseline}: word vectors trained from scratch (word2vec CBOW / skip-gram with DL4J, GloVe with
 * x2s's own implementation) on a corpus read through x2s's corpus reader and word tokenizer, with a
 * provenance file next to the output.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Train from-scratch baseline vectors (w2v-cbow, w2v-sg, glove; dl4j-cbow, dl4j-sg) on a corpus, using x2s's "
        + "sentence splitter and word tokenizer. Writes OUT atomically and OUT.provenance.json.")
final class BaselineCommand implements Callable<Integer> {
  @Option(names = "--method", required = true, description = "w2v-cbow, w2v-sg (x2s's word2vec.c port), glove, or dl4j-cbow, dl4j-sg (DL4J's word2vec: slow in M2.1)")
  String method;

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "Plain or WikiExtractor text, optionally gzip-compressed.")
  Path corpus;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output vectors; format from the extension: .x2v, .bin (word2vec binary), .vec, "
          + ".glove.txt, else word2vec text.")
  Path out;

  @Option(names = "--max-sentences", defaultValue = "all", paramLabel = "N", converter = SentenceLimitConverter.class,
      description = "Use only the first N sentences (0 or all: every sentence). Default: ${DEFAULT-VALUE}")
  SentenceLimit maxSentences;

  @Option(names = "--dim", defaultValue = "100", paramLabel = "D", description = "Vector size. Default: ${DEFAULT-VALUE}")
  int dim;

  @Option(names = "--epochs", paramLabel = "E",
      description = "Passes (default: 15 iterations for glove, 5 epochs for word2vec).")
  Integer epochs;

  @Option(names = "--window", paramLabel = "W",
      description = "Context words on each side (default: 10 for glove, 5 for word2vec).")
  Integer window;

  @Option(names = "--min-count", defaultValue = "5", paramLabel = "M",
      description = "Drop words seen fewer times. Default: ${DEFAULT-VALUE}")
  int minCount;

  @Option(names = "--lower", description = "Lower-case the words.")
  boolean lower;

  @Option(names = "--threads", paramLabel = "T",
      description = "Training threads (default: all processors). More than one is not reproducible bit for bit.")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--memory-mb", defaultValue = "1536", paramLabel = "MB",
      description = "glove: heap for counting co-occurrences before spilling sorted runs to disk. Default: ${DEFAULT-VALUE}")
  long memoryMb;

  @Option(names = "--temp-dir", paramLabel = "DIR",
      description = "glove: where the spill runs and the co-occurrence records go (default: the system's).")
  Path tempDir;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String m = method.toLowerCase(Locale.ROOT);
    if (!List.of("w2v-cbow", "w2v-sg", "glove", "dl4j-cbow", "dl4j-sg").contains(m)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--method must be w2v-cbow, w2v-sg, glove, dl4j-cbow or dl4j-sg, not " + method);
    }
    if (!Files.isRegularFile(corpus)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--corpus " + corpus + ": no such file");
    }
    if (dim < 1 || minCount < 1 || (epochs != null && epochs < 1) || (window != null && window < 1)
        || (threads != null && threads < 1) || memoryMb < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--dim, --min-count, --epochs, --window, --threads and --memory-mb must be positive");
    }
    VectorFormat format = VectorFormat.forFile(out);
    PrintStream log = quiet ? null : System.err;
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    CorpusSentences sentences = new CorpusSentences(corpus, maxSentences, lower);
    Provenance prov = Provenance.start("x2s baseline");
    long t0 = System.nanoTime();

    Map<String, Object> options = new LinkedHashMap<>();
    Map<String, Object> counts = new LinkedHashMap<>();
    WordVectors vectors;
    if (m.equals("glove")) {
      GloveOptions o = GloveOptions.defaults().withDim(dim).withMinCount(minCount).withThreads(nThreads)
          .withSeed(seed).withMemoryBytes(memoryMb << 20).withTempDir(tempDir);
      if (epochs != null) {
        o = o.withIterations(epochs);
      }
      if (window != null) {
        o = o.withWindow(window);
      }
      options.put("dim", o.dim());
      options.put("window", o.window());
      options.put("symmetric", true);
      options.put("distance_weighting", "1/d");
      options.put("min_count", o.minCount());
      options.put("iterations", o.iterations());
      options.put("x_max", o.xMax());
      options.put("alpha", o.alpha());
      options.put("eta", o.eta());
      options.put("grad_clip", o.gradClip());
      options.put("output", "W + W~ (glove.c -model 2), no <unk> row");
      options.put("threads", o.threads());
      options.put("memory_bytes", o.memoryBytes());
      GloveResult r = GloveBaseline.train(sentences, o, log);
      vectors = r.vectors();
      GloveStats s = r.stats();
      counts.put("sentences", s.sentences());
      counts.put("tokens", s.tokens());
      counts.put("vocabulary", s.vocabSize());
      counts.put("vocabulary_tokens", s.vocabTokens());
      counts.put("cooccurrence_pairs", s.pairs());
      counts.put("hash_table_slots", s.tableSlots());
      counts.put("spills", s.spills());
      counts.put("skipped_steps", s.skippedSteps());
      counts.put("cost_per_iteration", s.costs());
      prov.seconds("vocabulary", s.vocabSeconds());
      prov.seconds("cooccurrences", s.cooccurSeconds());
      prov.seconds("iterations", s.trainSeconds());
    } else {
      boolean sg = m.endsWith("-sg");
      boolean dl4j = m.startsWith("dl4j");
      Word2VecOptions d = Word2VecOptions.defaults(sg, dim);
      Word2VecOptions o = new Word2VecOptions(sg, dim, window != null ? window : d.window(), minCount,
          d.negatives(), d.sample(), epochs != null ? epochs : d.epochs(), d.learningRate(), nThreads, seed);
      options.put("skip_gram", o.skipGram());
      options.put("dim", o.dim());
      options.put("window", o.window());
      options.put("min_count", o.minCount());
      options.put("negatives", o.negatives());
      options.put("sample", o.sample());
      options.put("epochs", o.epochs());
      options.put("learning_rate", o.learningRate());
      options.put("threads", o.threads());
      if (log != null) {
        log.printf("%s: %s word2vec, %d dimensions, %d epochs, %d threads%n", m, dl4j ? "DL4J" : "x2s",
            dim, o.epochs(), nThreads);
      }
      options.put("implementation", dl4j ? "DL4J Word2Vec " + "1.0.0-M2.1" : "x2s FastWord2Vec (word2vec.c)");
      vectors = dl4j ? Word2VecBaseline.train(sentences.joined(), o) : FastWord2Vec.train(sentences.joined(), o);
      counts.put("sentences", sentences.sentences());
      counts.put("tokens", sentences.words());
      counts.put("vocabulary", vectors.size());
    }
    double trainSeconds = (System.nanoTime() - t0) / 1e9;

    try (Progress p = quiet ? Progress.silent("write") : Progress.builder("write " + out.getFileName())
        .total(vectors.size()).unit("rows").build()) {
      VectorFiles.write(vectors, out, format, WriteOptions.defaults().withProgress(VectorLoading.delta(p)));
    }
    double wallSeconds = (System.nanoTime() - t0) / 1e9;

    prov.put("command_line", spec.commandLine().getParseResult().originalArgs());
    prov.put("method", m);
    prov.put("config", options);
    Map<String, Object> corpusInfo = new LinkedHashMap<>();
    corpusInfo.put("path", corpus.toString());
    corpusInfo.put("bytes", Files.size(corpus));
    corpusInfo.put("sha256", Sha256.of(corpus));
    corpusInfo.put("max_sentences", maxSentences);
    corpusInfo.put("tokenizer", "dev.x2s.corpus.WordTokenizer, sentence splitter rules");
    corpusInfo.put("lowercase", lower);
    prov.put("corpus", corpusInfo);
    prov.put("counts", counts);
    prov.put("seed", seed);
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("file", out.getFileName().toString());
    output.put("format", format);
    output.put("words", vectors.size());
    output.put("dim", vectors.dim());
    prov.put("output", output);
    if (!m.equals("glove")) {
      prov.version("dl4j", jarName(org.deeplearning4j.models.word2vec.Word2Vec.class));
    }
    prov.seconds("train", trainSeconds);
    prov.seconds("write", wallSeconds - trainSeconds);
    Path provFile = prov.writeFor(out);
    if (log != null) {
      log.printf("%s: %s, %,d words × %d, %.1f s (provenance: %s)%n", out, format, vectors.size(),
          vectors.dim(), wallSeconds, provFile.getFileName());
    }
    return 0;
  }


  /** The jar a class came from (its name carries the version), or "unknown". */
  private static String jarName(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
