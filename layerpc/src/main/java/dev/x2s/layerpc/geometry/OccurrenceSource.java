package dev.x2s.layerpc.geometry;

import java.io.IOException;
import java.util.List;

/**
 * Contextual vectors of sampled word occurrences, per layer: what the geometry metrics read. Row
 * {@code i} of {@link #occurrences} for a word is the occurrence at {@code sentenceIds(word)[i]},
 * token position {@code positions(word)[i]}, in every layer.
 */
public interface OccurrenceSource {
  /** A short label for plots and reports (the teacher's name). */
  String name();

  /** The words with stored occurrences, in a stable order. */
  List<String> words();

  /** Number of stored layers, addressed 0 .. layers()−1 below. */
  int layers();

  /**
   * The model layer number of stored layer {@code i} (what plots show on the x-axis); 0 is the
   * teacher's input embedding layer when it has one. By default the identity.
   */
  default int layerNumber(int i) {
    return i;
  }

  /** Vector dimension. */
  int dim();

  /** Number of stored occurrences of {@code word}. */
  default int count(String word) throws IOException {
    return sentenceIds(word).length;
  }

  /**
   * How often {@code word} occurs in the corpus (for the frequency analysis); by default its number of
   * stored occurrences.
   */
  default long frequency(String word) throws IOException {
    return count(word);
  }

  /**
   * Row-major {@code count(word) × dim()} vectors of the word's occurrences at stored layer {@code layer}.
   * The array may be shared with the source: callers must not modify it.
   */
  float[] occurrences(String word, int layer) throws IOException;

  /** The sentence id of each occurrence (same order as the rows). */
  long[] sentenceIds(String word) throws IOException;

  /** The token position within its sentence of each occurrence (same order as the rows). */
  int[] positions(String word) throws IOException;
}
