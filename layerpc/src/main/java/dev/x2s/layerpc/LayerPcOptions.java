package dev.x2s.layerpc;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.teachers.extract.ExtractionOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every setting of a layer-PC run ({@code x2s pc}); written into the provenance of every output.
 *
 * @param corpus the corpus file
 * @param out output directory (vector files, {@code occurrences.x2o}, {@code run.json}, work files)
 * @param layers model layers to keep, increasing
 * @param methods static-vector methods
 * @param samplesPerWord k: occurrences kept per word for PC (bottom-k by priority)
 * @param minContexts words in fewer distinct sentences are ignored
 * @param seed sampling seed
 * @param maxSentences read at most this many sentences of the corpus
 * @param maxVocab most entries of the pass-1 count table (word2vec-style pruning beyond)
 * @param maxWords most words kept (the most frequent)
 * @param decontextWords word list for {@link Method#DECONTEXT} and coverage reports, or null
 * @param splitter sentence splitter
 * @param extraction batching of the teacher pass (its maxLayer is set from {@code layers})
 * @param chunkSentences sentences per chunk: the unit of checkpointing (batches never cross chunks)
 * @param checkpointSentences checkpoint after at least this many sentences since the last one
 * @param checkpointSeconds ... or after this many seconds
 * @param lowercase lower-case the corpus words (keys and teacher input), as {@code x2s distill} does
 */
public record LayerPcOptions(Path corpus, Path out, int[] layers, Set<Method> methods, int samplesPerWord,
    int minContexts, long seed, long maxSentences, int maxVocab, int maxWords, Path decontextWords,
    SentenceSplitter.Kind splitter, ExtractionOptions extraction, int chunkSentences, long checkpointSentences,
    long checkpointSeconds, boolean lowercase) {

  public LayerPcOptions {
    if (layers.length == 0 || methods.isEmpty() || samplesPerWord < 1 || minContexts < 1 || maxSentences < 1
        || maxVocab < 1 || maxWords < 1 || chunkSentences < 1 || checkpointSentences < 1 || checkpointSeconds < 1) {
      throw new IllegalArgumentException("bad layer-PC options: " + this);
    }
    for (int i = 0; i < layers.length; i++) {
      if (layers[i] < 0 || (i > 0 && layers[i] <= layers[i - 1])) {
        throw new IllegalArgumentException("layers must be increasing and non-negative: " + Arrays.toString(layers));
      }
    }
    methods = Set.copyOf(EnumSet.copyOf(methods));
  }

  /** Defaults: k = 100, min contexts 5, seed 1, whole corpus, 2 M count entries, 1 M words, rule splitter. */
  public static LayerPcOptions defaults(Path corpus, Path out, int[] layers, Set<Method> methods) {
    int maxLayer = layers[layers.length - 1];
    return new LayerPcOptions(corpus, out, layers, methods, 100, 5, 1, Long.MAX_VALUE, 2_000_000, 1_000_000, null,
        SentenceSplitter.Kind.RULES, ExtractionOptions.defaults(maxLayer), 1024, 50_000, 600, false);
  }

  public int maxLayer() {
    return layers[layers.length - 1];
  }

  /** Whether the teacher pass runs (any corpus method). */
  public boolean needsCorpus() {
    return methods.contains(Method.PC) || methods.contains(Method.PC_CENTRED) || methods.contains(Method.MEAN);
  }

  public LayerPcOptions with(int samplesPerWord, int minContexts, long seed, long maxSentences) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, decontextWords, splitter, extraction, chunkSentences, checkpointSentences, checkpointSeconds, lowercase);
  }

  public LayerPcOptions withLimits(int maxVocab, int maxWords) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, decontextWords, splitter, extraction, chunkSentences, checkpointSentences, checkpointSeconds, lowercase);
  }

  public LayerPcOptions withDecontextWords(Path words) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, words, splitter, extraction, chunkSentences, checkpointSentences, checkpointSeconds, lowercase);
  }

  public LayerPcOptions withExtraction(ExtractionOptions e, int chunkSentences) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, decontextWords, splitter, e, chunkSentences, checkpointSentences, checkpointSeconds, lowercase);
  }

  public LayerPcOptions withCheckpoints(long sentences, long seconds) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, decontextWords, splitter, extraction, chunkSentences, sentences, seconds, lowercase);
  }

  /** The same options with the corpus words lower-cased (or not). */
  public LayerPcOptions withLowercase(boolean lower) {
    return new LayerPcOptions(corpus, out, layers, methods, samplesPerWord, minContexts, seed, maxSentences, maxVocab,
        maxWords, decontextWords, splitter, extraction, chunkSentences, checkpointSentences, checkpointSeconds, lower);
  }

  /** The settings that decide the results (not checkpoint timing), for resume checks. */
  String fingerprint() {
    return "v1|layers=" + Arrays.toString(layers) + "|methods=" + methods.stream().map(Method::id).sorted().toList()
        + "|k=" + samplesPerWord + "|minContexts=" + minContexts + "|seed=" + seed + "|maxSentences=" + maxSentences
        + "|maxVocab=" + maxVocab + "|maxWords=" + maxWords + "|splitter=" + splitter + "|extraction=" + extraction
        + "|chunk=" + chunkSentences + (lowercase ? "|lowercase" : "");
  }

  @Override
  public String toString() {
    return "LayerPcOptions[corpus=" + corpus + ", out=" + out + ", layers=" + Arrays.toString(layers) + ", methods="
        + methods + ", k=" + samplesPerWord + ", minContexts=" + minContexts + ", seed=" + seed + ", maxSentences="
        + maxSentences + "]";
  }
}
