package dev.x2s.x2static;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionRecord;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.teachers.Precision;
import java.nio.file.Path;

/**
 * Every option of an X2Static distillation run ({@code x2s distill}), each declared once by its
 * {@link Option}: the flag ({@code --NAME}), the YAML key, the provenance field ({@code config} in
 * {@code <out>.provenance.json}), the fingerprints and the help text all come from it ({@link #OPTIONS}).
 * Defaults follow the X2Static release ({@code epfml/X2Static}, {@code learn_from_bert_ver2.py} and
 * {@code make_vocab_dataset.py}) except where noted.
 *
 * <p>Fingerprints: {@link #CONTEXTS} (with the teacher and the corpus hash, the identity of the context
 * cache) and {@link #TRAINING} (a training checkpoint is resumed only under equal training settings and
 * the same cache).
 */
public record DistillConfig(
    @Option(required = true, paramLabel = "ID",
        description = "Teacher id (all-minilm-l6-v2, bge-small-en-v1.5, bert-base-uncased, ...) or model directory.")
    String teacher,
    @Option(required = true, paramLabel = "FILE",
        description = "Corpus: plain text or WikiExtractor, optionally gzip.")
    Path corpus,
    @Option(defaultValue = "all", fingerprint = CONTEXTS, paramLabel = "N",
        description = "Use the first N sentences (0 or all: every sentence). A whole-corpus context cache, even an"
            + " unfinished one, that holds N sentences serves them without running the teacher.")
    SentenceLimit maxSentences,
    @Option(aliases = "layer", defaultValue = "-1", fingerprint = CONTEXTS, paramLabel = "L",
        description = "Teacher layer(s) averaged for the context: numbers or ranges (0-2,12); negative counts from"
            + " the top (-1 = the last).")
    LayerSpec layers,
    @Option(defaultValue = "sentence", fingerprint = CONTEXTS,
        description = "Context of a sentence: the mean over its pieces encoded alone (sentence) or over its span"
            + " in the encoded paragraph (paragraph).")
    Variant variant,
    @Option(defaultValue = "false", fingerprint = {CONTEXTS, TRAINING},
        description = "Our extension: leave the target word's pieces out of the context mean (caches one context"
            + " per word).")
    boolean excludeTarget,
    @Option(defaultValue = "true", fingerprint = CONTEXTS,
        description = "Lower-case the corpus before counting and encoding (the release lower-cases).")
    boolean lowercase,
    @Option(defaultValue = "rules", fingerprint = CONTEXTS,
        description = "Sentence splitter: rules, break-iterator or none (a line is a sentence).")
    SentenceSplitter.Kind splitter,
    @Option(defaultValue = "fp32",
        description = "Teacher arithmetic: fp32, bf16 (CPUs with bf16 dot products) or int8 (BERT-family teachers;"
            + " SmoothQuant int8 on ONNX Runtime). Part of the context cache's identity when not fp32.")
    Precision precision,
    @Option(defaultValue = "10", fingerprint = TRAINING,
        description = "Vocabulary: words seen fewer times are dropped (release: 10).")
    int minCount,
    @Option(defaultValue = "200000", fingerprint = TRAINING,
        description = "Vocabulary: at most this many most frequent words (release: 200,000; 0 = no limit).")
    int maxVocab,
    @Option(defaultValue = "0", fingerprint = TRAINING, paramLabel = "D",
        description = "Student width D < the teacher's: a learned D × teacher-width projection of the contexts,"
            + " trained jointly (fused engine). 0: student width = teacher width.")
    int dimProjection,
    @Option(defaultValue = "adam", fingerprint = TRAINING,
        description = "adam (SparseAdam, as the release) or sgd (linear decay).")
    OptimizerKind optimizer,
    @Option(defaultValue = "1e-3", fingerprint = TRAINING, description = "Learning rate (release: 1e-3 with SparseAdam).")
    double lr,
    @Option(defaultValue = "1", fingerprint = TRAINING, description = "Passes over the corpus (release: 5).")
    int epochs,
    @Option(defaultValue = "10", fingerprint = TRAINING, description = "Negatives per target (release: 10).")
    int negatives,
    @Option(defaultValue = "5e-6", fingerprint = TRAINING, description = "Subsampling threshold (release: 5e-6).")
    double t,
    @Option(defaultValue = "128", fingerprint = TRAINING, description = "Sentences per optimisation step (release: 128).")
    int batchSentences,
    @Option(defaultValue = "true", fingerprint = TRAINING,
        description = "Visit the sentences in a seeded random order each epoch (the release shuffles).")
    boolean shuffle,
    @Option(defaultValue = "2", fingerprint = TRAINING,
        description = "Student threads (the fused engine is deterministic for a given thread count).")
    int threads,
    @Option(defaultValue = "1", fingerprint = TRAINING,
        description = "Seed of initialisation, order, subsampling and negatives.")
    long seed,
    @Option(defaultValue = "fused", fingerprint = TRAINING,
        description = "Student step: fused (CPU) or nd4j (ND4J ops; CUDA with the cuda profile).")
    EngineKind engine,
    @Option(defaultValue = "32", description = "Most sentences per teacher call.")
    int teacherBatch,
    @Option(paramLabel = "DIR",
        description = "Cache root (default $X2S_CACHE/contexts or ~/.cache/x2s/contexts), or one cache directory.")
    Path cache,
    @Option(required = true, paramLabel = "FILE",
        description = "Vector file (format from the extension: .vec, .bin, .x2v, .glove.txt, else word2vec text).")
    Path out,
    @Option(description = "Vector format: word2vec, word2vec-bin, glove, vec, x2v (default: from the extension of --out).")
    String format,
    @Option(defaultValue = "false", description = "Continue training from the output's checkpoint (<out>.ckpt) if present.")
    boolean resume,
    @Option(defaultValue = "500", paramLabel = "N",
        description = "Training checkpoint every N batches (0 = none).")
    int checkpointBatches,
    @Option(defaultValue = "2000", paramLabel = "N",
        description = "Context-cache checkpoint every N sentences of the teacher stage.")
    int cacheCheckpointSentences) implements OptionRecord<DistillConfig> {

  /** Fingerprint of the settings that decide the cached contexts (with the teacher id and corpus hash). */
  public static final String CONTEXTS = "contexts";
  /** Fingerprint of the settings that decide the trained parameters, given the cache. */
  public static final String TRAINING = "training";
  /** The declarations. */
  public static final OptionSet<DistillConfig> OPTIONS = OptionSet.of(DistillConfig.class);

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

  /** The declared defaults for {@code teacher} on {@code corpus}, writing {@code out}. */
  public static DistillConfig defaults(String teacher, Path corpus, Path out) {
    return OPTIONS.builder().set(DistillConfig::teacher, teacher).set(DistillConfig::corpus, corpus)
        .set(DistillConfig::out, out).build();
  }

  /** The training fingerprint ({@link #TRAINING}): {@code min_count=10|max_vocab=200000|...}. */
  public String trainingFingerprint() {
    return OPTIONS.fingerprint(this, TRAINING);
  }
}
