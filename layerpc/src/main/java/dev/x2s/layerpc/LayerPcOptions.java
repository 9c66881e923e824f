package dev.x2s.layerpc;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionRecord;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.extract.ExtractionOptions;
import java.nio.file.Path;
import java.util.Set;

/**
 * Every setting of a layer-PC run ({@code x2s pc}), each declared once by its {@link Option}: the flag,
 * the YAML key, the provenance field of every output and the run's fingerprint ({@link #RESULT}: a run
 * resumes, or is skipped as done, only under equal settings) come from it ({@link #OPTIONS}).
 */
public record LayerPcOptions(
    @Option(required = true, paramLabel = "ID",
        description = "Teacher id (all-minilm-l6-v2, bert-base-uncased, …) or an ELMo/GPT-2 directory.")
    String teacher,
    @Option(defaultValue = "fp32",
        description = "Teacher arithmetic: fp32, bf16 (CPUs with bf16 dot products; else fp32) or int8 (BERT family)."
            + " Recorded in the run's fingerprint when not fp32.")
    dev.x2s.teachers.Precision precision,
    @Option(paramLabel = "FILE", description = "Corpus (plain or WikiExtractor, gzip ok); needed by pc, pc-centred and mean.")
    Path corpus,
    @Option(required = true, fingerprint = RESULT, paramLabel = "SPEC",
        description = "Layers: numbers or ranges (0-12, 0,6,12, 12); negative counts from the top (-1 = the last).")
    LayerSpec layers,
    @Option(name = "method", defaultValue = "pc", fingerprint = RESULT, paramLabel = "M",
        description = "pc, pc-centred, mean, decontext (comma-separated).")
    Set<Method> methods,
    @Option(required = true, paramLabel = "DIR",
        description = "Output directory (vector files, occurrences.x2o, run.json, work files).")
    Path out,
    @Option(name = "samples", defaultValue = "100", fingerprint = RESULT, paramLabel = "K",
        description = "Occurrences sampled per word for pc (bottom-k by a seeded priority).")
    int samplesPerWord,
    @Option(defaultValue = "5", fingerprint = RESULT, description = "Ignore words in fewer distinct sentences.")
    int minContexts,
    @Option(defaultValue = "1", fingerprint = RESULT, description = "Sampling seed.")
    long seed,
    @Option(defaultValue = "all", fingerprint = RESULT, paramLabel = "N",
        description = "Read at most N sentences of the corpus (0 or all: every sentence).")
    SentenceLimit maxSentences,
    @Option(defaultValue = "2000000", fingerprint = RESULT,
        description = "Most entries of the word-count table (pruned beyond, as word2vec).")
    int maxVocab,
    @Option(defaultValue = "1000000", fingerprint = RESULT, description = "Most words kept (the most frequent).")
    int maxWords,
    @Option(name = "words", fingerprint = RESULT, paramLabel = "FILE",
        description = "Word list (one a line; spaces or underscores make a phrase) that the shipped vocabulary"
            + " covers besides the corpus words; needed for decontext without a corpus.")
    Path decontextWords,
    @Option(defaultValue = "5", fingerprint = RESULT, paramLabel = "N",
        description = "Corpus words with at least N occurrences join the shipped vocabulary (METHOD+decontext files;"
            + " fastText's and word2vec's default minimum count).")
    int vocabMinCount,
    @Option(defaultValue = "all", fingerprint = RESULT, paramLabel = "N",
        description = "Corpus sentences counted for the shipped vocabulary (counting only, no teacher): a word seen"
            + " --vocab-min-count times there is shipped, from its corpus vector if the teacher saw it, else alone"
            + " (0 or all: every sentence; at most --max-sentences: the teacher's sentences only).")
    SentenceLimit vocabSentences,
    @Option(defaultValue = "10", fingerprint = RESULT, paramLabel = "K",
        description = "Shipped vectors blend the corpus vector and the word alone: a = n / (n + K) for a word with"
            + " n occurrences, so the two weigh equally at K occurrences; 0 takes the corpus vector wherever there"
            + " is one.")
    double blend,
    @Option(defaultValue = "rules", fingerprint = RESULT,
        description = "Sentence splitter: rules, break-iterator or none (a line is a sentence).")
    SentenceSplitter.Kind splitter,
    @Option(name = "lower", defaultValue = "false", fingerprint = RESULT,
        description = "Lower-case the corpus words: case variants become one word (natural for uncased teachers;"
            + " the teacher sees the lower-cased text, as with x2s distill).")
    boolean lowercase,
    @Option(defaultValue = "mean", fingerprint = RESULT, description = "Pieces → word: mean, first, last.")
    PiecePooling pooling,
    @Option(defaultValue = "32", fingerprint = RESULT, description = "Sentences per teacher call.")
    int batchSize,
    @Option(defaultValue = "8192", fingerprint = RESULT, description = "Padded pieces per teacher call.")
    int maxPieces,
    @Option(defaultValue = "32", fingerprint = RESULT,
        description = "Batches read ahead: sentences are grouped by length within this window of batches.")
    int readAheadBatches,
    @Option(defaultValue = "67108864", fingerprint = RESULT,
        description = "Most floats of teacher output held before they are consumed (a read-ahead window is cut"
            + " short beyond it).")
    long maxBufferedValues,
    @Option(defaultValue = "1024", fingerprint = RESULT,
        description = "Sentences per chunk, the unit of checkpoints (batches never cross chunks).")
    int chunkSentences,
    @Option(defaultValue = "50000", description = "Checkpoint every N sentences…")
    long checkpointSentences,
    @Option(defaultValue = "600", description = "…or every T seconds.")
    long checkpointSeconds) implements OptionRecord<LayerPcOptions> {

  /** Fingerprint of the settings that decide the results (not checkpoint timing). */
  public static final String RESULT = "result";
  /** The declarations. */
  public static final OptionSet<LayerPcOptions> OPTIONS = OptionSet.of(LayerPcOptions.class);

  public LayerPcOptions {
    methods = Set.copyOf(methods);
    check(!methods.isEmpty(), "at least one method is needed");
    check(samplesPerWord >= 1, "samples must be >= 1, not " + samplesPerWord);
    check(minContexts >= 1, "min contexts must be >= 1, not " + minContexts);
    check(maxVocab >= 1, "max vocab must be >= 1, not " + maxVocab);
    check(maxWords >= 1, "max words must be >= 1, not " + maxWords);
    check(vocabMinCount >= 1, "vocab min count must be >= 1, not " + vocabMinCount);
    check(blend >= 0 && Double.isFinite(blend), "blend must be a number >= 0, not " + blend);
    check(batchSize >= 1 && maxPieces >= 1, "batch size and max pieces must be >= 1");
    check(readAheadBatches >= 1 && maxBufferedValues >= 1, "read-ahead batches and max buffered values must be >= 1");
    check(chunkSentences >= 1, "chunk sentences must be >= 1, not " + chunkSentences);
    check(checkpointSentences >= 1 && checkpointSeconds >= 1, "checkpoint intervals must be >= 1");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The declared defaults for these required settings. */
  public static LayerPcOptions defaults(String teacher, Path corpus, Path out, LayerSpec layers, Set<Method> methods) {
    return OPTIONS.builder().set(LayerPcOptions::teacher, teacher).set(LayerPcOptions::corpus, corpus)
        .set(LayerPcOptions::out, out).set(LayerPcOptions::layers, layers).set(LayerPcOptions::methods, methods)
        .build();
  }

  /** Whether the teacher pass runs (any corpus method). */
  public boolean needsCorpus() {
    return methods.contains(Method.PC) || methods.contains(Method.PC_CENTRED) || methods.contains(Method.MEAN);
  }

  /** The teacher pass's settings for layers {@code 0..maxLayer}. */
  public ExtractionOptions extraction(int maxLayer) {
    return ExtractionOptions.defaults(maxLayer).withPooling(pooling).withBatch(batchSize, maxPieces)
        .withReadAhead(readAheadBatches, maxBufferedValues);
  }

  /** The settings that decide the results, for resume checks: {@code layers=[0, 1, 2]|method=[mean, pc]|…}. */
  String fingerprint() {
    return OPTIONS.fingerprint(this, RESULT);
  }
}
