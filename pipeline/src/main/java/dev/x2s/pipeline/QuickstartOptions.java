package dev.x2s.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the main job ({@link Quickstart}).
 *
 * @param teacher teacher id
 * @param corpus corpus file, or null for the shared Wikipedia sample (resolved like the benchmarks)
 * @param sentences sentences for the student and the word2vec baseline
 * @param pcSentences sentences for the layer-PC vectors (0: none)
 * @param pcLayers teacher layers for layer-PC vectors (negative = from the top)
 * @param studentEpochs student epochs over the cached teacher contexts
 * @param baselineDim word2vec dimension
 * @param out output directory
 * @param quiet no progress output
 */
public record QuickstartOptions(
    String teacher,
    Path corpus,
    long sentences,
    long pcSentences,
    List<Integer> pcLayers,
    int studentEpochs,
    int baselineDim,
    Path out,
    boolean quiet) {

  public QuickstartOptions {
    if (sentences < 1 || pcSentences < 0) {
      throw new IllegalArgumentException("--sentences must be positive and --pc-sentences not negative");
    }
    pcLayers = List.copyOf(pcLayers);
  }
}
