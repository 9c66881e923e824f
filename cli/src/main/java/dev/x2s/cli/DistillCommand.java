package dev.x2s.cli;

import dev.x2s.corpus.Vocabulary;

import dev.x2s.teachers.registry.Teachers;
import dev.x2s.x2static.DistillConfig;
import dev.x2s.x2static.Distillation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s distill}: X2Static (Gupta &amp; Jaggi 2021) — teacher context vectors of every corpus sentence
 * (cached on disk), then a static student trained to predict the sentence's words from them. Options come
 * from the defaults, then {@code --config FILE} (YAML, keys = option names without dashes, {@code -} or
 * {@code _} between words), then the command line.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
    description = "Distil static word vectors from a contextual teacher with X2Static (sentence contexts, "
        + "negative sampling). Teacher contexts are cached, so reruns with other student settings skip the teacher.")
final class DistillCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML file of options; command-line flags override it.")
  Path config;

  @Option(names = "--teacher", paramLabel = "ID", description = "Teacher id (all-minilm-l6-v2, bge-small-en-v1.5, bert-base-uncased, ...).")
  String teacher;

  @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus: plain text or WikiExtractor, optionally gzip.")
  Path corpus;

  @Option(names = "--max-sentences", paramLabel = "N", description = "Use the first N sentences (default: all). A whole-corpus context cache, even an unfinished one,"
      + " that holds N sentences serves them without running the teacher.")
  Long maxSentences;

  @Option(names = "--layer", split = ",", paramLabel = "L", description = "Teacher layer(s) averaged for the context; negative counts from the top (default: -1, the last).")
  List<Integer> layers;

  @Option(names = "--variant", paramLabel = "V", description = "sentence (default) or paragraph.")
  String variant;

  @Option(names = "--exclude-target", description = "Our extension: leave the target word's pieces out of the context mean (caches one context per word).")
  Boolean excludeTarget;

  @Option(names = "--lowercase", negatable = true, description = "Lower-case the corpus (default: true, as the release).")
  Boolean lowercase;

  @Option(names = "--splitter", description = "Sentence splitter: rules (default), break-iterator, none.")
  String splitter;

  @Option(names = "--min-count", description = "Vocabulary min count (default 10).")
  Integer minCount;

  @Option(names = "--max-vocab", description = "Vocabulary size limit (default 200000; 0 = none).")
  Integer maxVocab;

  @Option(names = "--dim-projection", paramLabel = "D", description = "Student width D < the teacher's: a learned D × teacher-width projection of the contexts, trained jointly (fused engine). Default: 0 (student width = teacher width).")
  Integer dimProjection;

  @Option(names = "--optimizer", description = "adam (SparseAdam, default) or sgd (linear decay).")
  String optimizer;

  @Option(names = "--lr", description = "Learning rate (default 1e-3).")
  Double lr;

  @Option(names = "--epochs", description = "Passes over the corpus (default 1).")
  Integer epochs;

  @Option(names = "--negatives", description = "Negatives per target (default 10).")
  Integer negatives;

  @Option(names = "--t", description = "Subsampling threshold (default 5e-6).")
  Double t;

  @Option(names = "--batch-sentences", description = "Sentences per step (default 128).")
  Integer batchSentences;

  @Option(names = "--shuffle", negatable = true, description = "Seeded random sentence order per epoch (default: true).")
  Boolean shuffle;

  @Option(names = "--threads", description = "Student threads (default 2).")
  Integer threads;

  @Option(names = "--seed", description = "Seed (default 1).")
  Long seed;

  @Option(names = "--engine", description = "fused (CPU, default) or nd4j (ND4J ops; CUDA with the cuda profile).")
  String engine;

  @Option(names = "--teacher-batch", description = "Sentences per teacher call (default 32).")
  Integer teacherBatch;

  @Option(names = "--cache", paramLabel = "DIR", description = "Cache root (default $X2S_CACHE/contexts or ~/.cache/x2s/contexts), or one cache directory.")
  Path cache;

  @Option(names = "--out", paramLabel = "FILE", description = "Vector file (format from the extension: .vec, .bin, .x2v, .glove.txt, else word2vec text).")
  Path out;

  @Option(names = "--format", description = "Vector format: word2vec, word2vec-bin, glove, vec, x2v.")
  String format;

  @Option(names = "--resume", description = "Continue training from the output's checkpoint (<out>.ckpt) if present.")
  Boolean resume;

  @Option(names = "--checkpoint-batches", paramLabel = "N", description = "Training checkpoint every N batches (default 500; 0 = none).")
  Integer checkpointBatches;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    DistillConfig cfg = resolve();
    Distillation.Report r = Distillation.run(cfg, Teachers::open, quiet);
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
    Map<String, Object> yaml = config == null ? Map.of() : readYaml(config);
    String teacherId = pick(teacher, yaml, "teacher", String.class, null);
    Path corpusFile = pickPath(corpus, yaml, "corpus");
    Path outFile = pickPath(out, yaml, "out");
    if (teacherId == null || corpusFile == null || outFile == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--teacher, --corpus and --out are required (on the command line or in --config)");
    }
    DistillConfig d = DistillConfig.defaults(teacherId, corpusFile, outFile);
    DistillConfig.Builder b = d.toBuilder();
    b.maxSentences(pick(maxSentences, yaml, "max_sentences", Long.class, d.maxSentences()));
    b.layers(pickLayers(yaml, d.layers()));
    b.variant(enumOf(DistillConfig.Variant.class, pick(variant, yaml, "variant", String.class, "sentence"), "--variant"));
    b.excludeTarget(pick(excludeTarget, yaml, "exclude_target", Boolean.class, d.excludeTarget()));
    b.lowercase(pick(lowercase, yaml, "lowercase", Boolean.class, d.lowercase()));
    b.splitter(pick(splitter, yaml, "splitter", String.class, d.splitter()));
    b.minCount(pick(minCount, yaml, "min_count", Integer.class, d.minCount()));
    b.maxVocab(pick(maxVocab, yaml, "max_vocab", Integer.class, d.maxVocab()));
    b.dimProjection(pick(dimProjection, yaml, "dim_projection", Integer.class, d.dimProjection()));
    b.optimizer(enumOf(DistillConfig.OptimizerKind.class, pick(optimizer, yaml, "optimizer", String.class, "adam"), "--optimizer"));
    b.lr(pick(lr, yaml, "lr", Double.class, d.lr()));
    b.epochs(pick(epochs, yaml, "epochs", Integer.class, d.epochs()));
    b.negatives(pick(negatives, yaml, "negatives", Integer.class, d.negatives()));
    b.t(pick(t, yaml, "t", Double.class, d.t()));
    b.batchSentences(pick(batchSentences, yaml, "batch_sentences", Integer.class, d.batchSentences()));
    b.shuffle(pick(shuffle, yaml, "shuffle", Boolean.class, d.shuffle()));
    b.threads(pick(threads, yaml, "threads", Integer.class, d.threads()));
    b.seed(pick(seed, yaml, "seed", Long.class, d.seed()));
    b.engine(enumOf(DistillConfig.EngineKind.class, pick(engine, yaml, "engine", String.class, "fused"), "--engine"));
    b.teacherBatch(pick(teacherBatch, yaml, "teacher_batch", Integer.class, d.teacherBatch()));
    b.cache(pickPath(cache, yaml, "cache"));
    b.format(pick(format, yaml, "format", String.class, null));
    b.resume(pick(resume, yaml, "resume", Boolean.class, false));
    b.checkpointBatches(pick(checkpointBatches, yaml, "checkpoint_batches", Integer.class, d.checkpointBatches()));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static final java.util.Set<String> KEYS = java.util.Set.of("teacher", "corpus", "max_sentences", "layer",
      "layers", "variant", "exclude_target", "lowercase", "splitter", "min_count", "max_vocab", "dim_projection",
      "optimizer", "lr", "epochs", "negatives", "t", "batch_sentences", "shuffle", "threads", "seed", "engine",
      "teacher_batch", "cache", "out", "format", "resume", "checkpoint_batches");

  private Map<String, Object> readYaml(Path file) throws IOException {
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new IOException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> m)) {
      throw new IOException(file + ": expected a mapping of option names to values");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).replace('-', '_');
      if (!KEYS.contains(key)) {
        throw new IOException(file + ": unknown option '" + e.getKey() + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
      }
      out.put(key, e.getValue());
    }
    out.put("__file", file.toString());
    return out;
  }

  private <T> T pick(T flag, Map<String, Object> yaml, String key, Class<T> type, T fallback) {
    if (flag != null) {
      return flag;
    }
    Object v = yaml.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      if (type == String.class) {
        return type.cast(String.valueOf(v));
      }
      if (type == Boolean.class && v instanceof Boolean) {
        return type.cast(v);
      }
      if (v instanceof Number num) {
        if (type == Integer.class && num.longValue() == num.intValue() && !(v instanceof Double)) {
          return type.cast(num.intValue());
        }
        if (type == Long.class && !(v instanceof Double)) {
          return type.cast(num.longValue());
        }
        if (type == Double.class) {
          return type.cast(num.doubleValue());
        }
      }
      if (type == Double.class && v instanceof String s) {
        return type.cast(Double.parseDouble(s)); // YAML 1.1 reads 1e-3 (no dot) as a string
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        yaml.get("__file") + ": option '" + key + "' must be " + type.getSimpleName().toLowerCase(Locale.ROOT)
            + ", not '" + v + "'");
  }

  private Path pickPath(Path flag, Map<String, Object> yaml, String key) {
    String s = pick(flag == null ? null : flag.toString(), yaml, key, String.class, null);
    return s == null ? null : Path.of(s);
  }

  private List<Integer> pickLayers(Map<String, Object> yaml, List<Integer> fallback) {
    if (layers != null) {
      return layers;
    }
    Object v = yaml.containsKey("layers") ? yaml.get("layers") : yaml.get("layer");
    if (v == null) {
      return fallback;
    }
    List<Integer> out = new ArrayList<>();
    for (Object o : v instanceof List<?> l ? l : List.of(v)) {
      if (!(o instanceof Integer i)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            yaml.get("__file") + ": layer must be an integer or a list of integers, not '" + v + "'");
      }
      out.add(i);
    }
    return out;
  }

  private <E extends Enum<E>> E enumOf(Class<E> type, String name, String option) {
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": unknown value '" + name + "' (one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ")");
    }
  }
}
