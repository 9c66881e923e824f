package dev.x2s.x2static;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option of an X2Static distillation run ({@code x2s distill}), in one record that is printed into
 * the provenance file. Defaults follow the X2Static release ({@code epfml/X2Static},
 * {@code learn_from_bert_ver2.py} and {@code make_vocab_dataset.py}) except where noted.
 *
 * @param teacher teacher id or model path
 * @param corpus corpus file (plain or WikiExtractor, optionally gzip)
 * @param maxSentences use at most this many sentences (0 = all)
 * @param layers teacher layers whose mean is the context (negative = from the top, −1 = last layer)
 * @param variant how the context of a sentence is computed
 * @param excludeTarget leave the target's own pieces out of the mean (our extension; one cached context per word)
 * @param lowercase lower-case the corpus before counting and encoding (the release lower-cases)
 * @param splitter sentence splitter for paragraphs
 * @param minCount vocabulary: words seen fewer times are dropped (release: 10)
 * @param maxVocab vocabulary: at most this many most frequent words (release: 200,000; 0 = no limit)
 * @param dimProjection learned projection of the context to this width, the student's width (0 = none: the teacher's)
 * @param optimizer SparseAdam (release) or SGD with linear decay
 * @param lr learning rate (release: 1e-3 with SparseAdam)
 * @param epochs passes over the cache (release: 5; issue default 1)
 * @param negatives negatives per target (release: 10)
 * @param t subsampling threshold (release: 5e-6)
 * @param batchSentences sentences per optimisation step (release: 128)
 * @param shuffle visit sentences in a seeded random order each epoch (the release shuffles)
 * @param threads student threads
 * @param seed seed of initialisation, order, subsampling and negatives
 * @param engine student step implementation
 * @param teacherBatch most sentences per teacher call
 * @param cache cache root or one cache directory (null = default root)
 * @param out the vector file; its format follows the extension unless {@code format} is set
 * @param format vector format name (null = from the extension)
 * @param resume continue training from {@code out}'s checkpoint if there is one
 * @param checkpointBatches write a training checkpoint every this many batches (0 = never)
 * @param cacheCheckpointSentences write a cache checkpoint every this many sentences
 */
public record DistillConfig(
    String teacher,
    Path corpus,
    long maxSentences,
    List<Integer> layers,
    Variant variant,
    boolean excludeTarget,
    boolean lowercase,
    String splitter,
    int minCount,
    int maxVocab,
    int dimProjection,
    OptimizerKind optimizer,
    double lr,
    int epochs,
    int negatives,
    double t,
    int batchSentences,
    boolean shuffle,
    int threads,
    long seed,
    EngineKind engine,
    int teacherBatch,
    Path cache,
    Path out,
    String format,
    boolean resume,
    int checkpointBatches,
    int cacheCheckpointSentences) {

  /** Sentence context: the mean over the sentence's pieces, or over its span in the encoded paragraph. */
  public enum Variant {
    SENTENCE,
    PARAGRAPH
  }

  public enum OptimizerKind {
    ADAM,
    SGD
  }

  public enum EngineKind {
    FUSED,
    ND4J
  }

  public DistillConfig {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("at least one teacher layer is needed");
    }
    check(maxSentences >= 0, "max sentences must be >= 0, not " + maxSentences);
    check(minCount >= 1, "min count must be >= 1, not " + minCount);
    check(maxVocab >= 0, "max vocab must be >= 0, not " + maxVocab);
    check(dimProjection >= 0, "dim projection must be >= 0, not " + dimProjection);
    check(lr > 0 && Double.isFinite(lr), "learning rate must be > 0, not " + lr);
    check(epochs >= 1, "epochs must be >= 1, not " + epochs);
    check(negatives >= 0, "negatives must be >= 0, not " + negatives);
    check(t >= 0, "t must be >= 0, not " + t);
    check(batchSentences >= 1, "batch sentences must be >= 1, not " + batchSentences);
    check(threads >= 1, "threads must be >= 1, not " + threads);
    check(teacherBatch >= 1, "teacher batch must be >= 1, not " + teacherBatch);
    check(checkpointBatches >= 0, "checkpoint interval must be >= 0");
    check(cacheCheckpointSentences >= 1, "cache checkpoint interval must be >= 1");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The release's settings, with one epoch, for {@code teacher} on {@code corpus}, writing {@code out}. */
  public static DistillConfig defaults(String teacher, Path corpus, Path out) {
    return new DistillConfig(teacher, corpus, 0, List.of(-1), Variant.SENTENCE, false, true, "rules", 10,
        200_000, 0, OptimizerKind.ADAM, 1e-3, 1, 10, 5e-6, 128, true, 2, 1, EngineKind.FUSED, 32, null,
        out, null, false, 500, 2000);
  }

  /** Every option by name, in declaration order (for provenance and logs). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("teacher", teacher);
    m.put("corpus", String.valueOf(corpus));
    m.put("max_sentences", maxSentences);
    m.put("layers", layers);
    m.put("variant", variant.name().toLowerCase(Locale.ROOT));
    m.put("exclude_target", excludeTarget);
    m.put("lowercase", lowercase);
    m.put("splitter", splitter);
    m.put("min_count", minCount);
    m.put("max_vocab", maxVocab);
    m.put("dim_projection", dimProjection);
    m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
    m.put("lr", lr);
    m.put("epochs", epochs);
    m.put("negatives", negatives);
    m.put("t", t);
    m.put("batch_sentences", batchSentences);
    m.put("shuffle", shuffle);
    m.put("threads", threads);
    m.put("seed", seed);
    m.put("engine", engine.name().toLowerCase(Locale.ROOT));
    m.put("teacher_batch", teacherBatch);
    m.put("cache", cache == null ? null : cache.toString());
    m.put("out", String.valueOf(out));
    m.put("format", format);
    m.put("resume", resume);
    m.put("checkpoint_batches", checkpointBatches);
    m.put("cache_checkpoint_sentences", cacheCheckpointSentences);
    return m;
  }

  /**
   * The options that decide the trained parameters given the cache (a checkpoint is resumed only when
   * they are equal). Threads count: the fused engine is deterministic for a given thread count.
   */
  public String trainingFingerprint() {
    return String.join("|", "min_count=" + minCount, "max_vocab=" + maxVocab, "opt=" + optimizer,
        "lr=" + lr, "epochs=" + epochs, "neg=" + negatives, "t=" + t, "batch=" + batchSentences,
        "shuffle=" + shuffle, "threads=" + threads, "seed=" + seed, "engine=" + engine,
        "proj=" + dimProjection, "exclude=" + excludeTarget);
  }

  /** A builder starting from {@code this}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Fluent copy-and-modify for the CLI, configs and tests. */
  public static final class Builder {
    private String teacher;
    private Path corpus;
    private long maxSentences;
    private List<Integer> layers;
    private Variant variant;
    private boolean excludeTarget;
    private boolean lowercase;
    private String splitter;
    private int minCount;
    private int maxVocab;
    private int dimProjection;
    private OptimizerKind optimizer;
    private double lr;
    private int epochs;
    private int negatives;
    private double t;
    private int batchSentences;
    private boolean shuffle;
    private int threads;
    private long seed;
    private EngineKind engine;
    private int teacherBatch;
    private Path cache;
    private Path out;
    private String format;
    private boolean resume;
    private int checkpointBatches;
    private int cacheCheckpointSentences;

    private Builder(DistillConfig c) {
      teacher = c.teacher;
      corpus = c.corpus;
      maxSentences = c.maxSentences;
      layers = c.layers;
      variant = c.variant;
      excludeTarget = c.excludeTarget;
      lowercase = c.lowercase;
      splitter = c.splitter;
      minCount = c.minCount;
      maxVocab = c.maxVocab;
      dimProjection = c.dimProjection;
      optimizer = c.optimizer;
      lr = c.lr;
      epochs = c.epochs;
      negatives = c.negatives;
      t = c.t;
      batchSentences = c.batchSentences;
      shuffle = c.shuffle;
      threads = c.threads;
      seed = c.seed;
      engine = c.engine;
      teacherBatch = c.teacherBatch;
      cache = c.cache;
      out = c.out;
      format = c.format;
      resume = c.resume;
      checkpointBatches = c.checkpointBatches;
      cacheCheckpointSentences = c.cacheCheckpointSentences;
    }

    public Builder teacher(String v) {
      teacher = v;
      return this;
    }

    public Builder corpus(Path v) {
      corpus = v;
      return this;
    }

    public Builder maxSentences(long v) {
      maxSentences = v;
      return this;
    }

    public Builder layers(List<Integer> v) {
      layers = v;
      return this;
    }

    public Builder variant(Variant v) {
      variant = v;
      return this;
    }

    public Builder excludeTarget(boolean v) {
      excludeTarget = v;
      return this;
    }

    public Builder lowercase(boolean v) {
      lowercase = v;
      return this;
    }

    public Builder splitter(String v) {
      splitter = v;
      return this;
    }

    public Builder minCount(int v) {
      minCount = v;
      return this;
    }

    public Builder maxVocab(int v) {
      maxVocab = v;
      return this;
    }

    public Builder dimProjection(int v) {
      dimProjection = v;
      return this;
    }

    public Builder optimizer(OptimizerKind v) {
      optimizer = v;
      return this;
    }

    public Builder lr(double v) {
      lr = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder negatives(int v) {
      negatives = v;
      return this;
    }

    public Builder t(double v) {
      t = v;
      return this;
    }

    public Builder batchSentences(int v) {
      batchSentences = v;
      return this;
    }

    public Builder shuffle(boolean v) {
      shuffle = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder engine(EngineKind v) {
      engine = v;
      return this;
    }

    public Builder teacherBatch(int v) {
      teacherBatch = v;
      return this;
    }

    public Builder cache(Path v) {
      cache = v;
      return this;
    }

    public Builder out(Path v) {
      out = v;
      return this;
    }

    public Builder format(String v) {
      format = v;
      return this;
    }

    public Builder resume(boolean v) {
      resume = v;
      return this;
    }

    public Builder checkpointBatches(int v) {
      checkpointBatches = v;
      return this;
    }

    public Builder cacheCheckpointSentences(int v) {
      cacheCheckpointSentences = v;
      return this;
    }

    public DistillConfig build() {
      return new DistillConfig(teacher, corpus, maxSentences, layers, variant, excludeTarget, lowercase, splitter, minCount, maxVocab, dimProjection, optimizer, lr, epochs, negatives, t, batchSentences, shuffle, threads, seed, engine, teacherBatch, cache, out, format, resume, checkpointBatches, cacheCheckpointSentences);
    }
  }
}
