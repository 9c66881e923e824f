package dev.x2s.layerpc.occurrence;

import java.util.Arrays;

/**
 * What an occurrence store holds, fixed before any vector is written: the vector width, the model
 * layers stored, and per word its number of sampled occurrences (slots), its total occurrences in the
 * corpus and its number of distinct contexts (sentences). Word {@code w}'s slots are the global slots
 * {@code slotBase(w) .. slotBase(w) + slotCount(w) - 1}, words in table order.
 *
 * @param dim vector width
 * @param layers the model layer numbers stored (e.g. {@code 0..12}), strictly increasing
 * @param words the words, in table order, distinct
 * @param slotCounts sampled occurrences per word
 * @param occurrences occurrences per word in the whole (possibly bounded) corpus
 * @param contexts distinct sentences holding the word
 */
public record StoreLayout(int dim, int[] layers, String[] words, int[] slotCounts, long[] occurrences,
    long[] contexts) {

  public StoreLayout {
    if (dim < 1 || layers.length < 1) {
      throw new IllegalArgumentException("dim " + dim + ", " + layers.length + " layers");
    }
    for (int i = 0; i < layers.length; i++) {
      if (layers[i] < 0 || (i > 0 && layers[i] <= layers[i - 1])) {
        throw new IllegalArgumentException("layers must be increasing and non-negative: " + Arrays.toString(layers));
      }
    }
    int n = words.length;
    if (slotCounts.length != n || occurrences.length != n || contexts.length != n) {
      throw new IllegalArgumentException("per-word arrays differ in length");
    }
    for (int i = 0; i < n; i++) {
      if (slotCounts[i] < 0 || slotCounts[i] > occurrences[i]) {
        throw new IllegalArgumentException("word " + words[i] + ": " + slotCounts[i] + " slots for "
            + occurrences[i] + " occurrences");
      }
    }
  }

  /** Number of slots of all words. */
  public long totalSlots() {
    long t = 0;
    for (int c : slotCounts) {
      t += c;
    }
    return t;
  }

  /** First global slot of every word, plus the total at index {@code words.length}. */
  public long[] slotBases() {
    long[] b = new long[words.length + 1];
    for (int i = 0; i < words.length; i++) {
      b[i + 1] = b[i] + slotCounts[i];
    }
    return b;
  }

  /** Position of {@code layer} in {@link #layers()}, or -1. */
  public int layerIndex(int layer) {
    return Arrays.binarySearch(layers, layer) >= 0 ? Arrays.binarySearch(layers, layer) : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreLayout s && dim == s.dim && Arrays.equals(layers, s.layers)
        && Arrays.equals(words, s.words) && Arrays.equals(slotCounts, s.slotCounts)
        && Arrays.equals(occurrences, s.occurrences) && Arrays.equals(contexts, s.contexts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words) * 31 + Arrays.hashCode(slotCounts);
  }

  @Override
  public String toString() {
    return "StoreLayout[dim=" + dim + ", layers=" + Arrays.toString(layers) + ", words=" + words.length
        + ", slots=" + totalSlots() + "]";
  }
}
