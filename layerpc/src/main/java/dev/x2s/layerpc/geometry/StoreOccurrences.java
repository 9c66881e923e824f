package dev.x2s.layerpc.geometry;

import dev.x2s.layerpc.occurrence.OccurrenceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An {@link OccurrenceSource} over an {@link OccurrenceStore} ({@code .x2o}), optionally limited to its
 * most frequent words (the analysis holds one layer of the chosen words' vectors in memory).
 */
public final class StoreOccurrences implements OccurrenceSource {
  private final OccurrenceStore store;
  private final String name;
  private final List<String> words;
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] layerNumbers;

  private StoreOccurrences(OccurrenceStore store, String name, List<String> words) {
    this.store = store;
    this.name = name;
    this.words = List.copyOf(words);
    for (String w : words) {
      index.put(w, store.indexOf(w));
    }
    this.layerNumbers = store.layers();
  }

  /**
   * The {@code maxWords} words with the most corpus occurrences (ties: table order), kept in table
   * order; all words when {@code maxWords ≤ 0}. Words without sampled occurrences are left out.
   */
  public static StoreOccurrences of(OccurrenceStore store, String name, int maxWords) {
    int n = store.wordCount();
    IntStream ids = IntStream.range(0, n).filter(w -> store.slotCount(w) > 0);
    List<Integer> chosen = new ArrayList<>(ids.boxed().toList());
    if (maxWords > 0 && chosen.size() > maxWords) {
      chosen.sort(Comparator.comparingLong((Integer w) -> -store.occurrences(w)).thenComparingInt(w -> w));
      chosen = new ArrayList<>(chosen.subList(0, maxWords));
      chosen.sort(null);
    }
    List<String> words = new ArrayList<>();
    for (int w : chosen) {
      words.add(store.word(w));
    }
    return new StoreOccurrences(store, name, words);
  }

  /** Bytes one layer of the chosen words takes in memory as floats. */
  public long layerBytes() {
    long slots = 0;
    for (String w : words) {
      slots += store.slotCount(index.get(w));
    }
    return slots * store.dim() * 4L;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> words() {
    return words;
  }

  @Override
  public int layers() {
    return layerNumbers.length;
  }

  @Override
  public int layerNumber(int i) {
    return layerNumbers[i];
  }

  @Override
  public int dim() {
    return store.dim();
  }

  @Override
  public int count(String word) {
    return store.slotCount(id(word));
  }

  @Override
  public long frequency(String word) {
    return store.occurrences(id(word));
  }

  @Override
  public float[] occurrences(String word, int layer) {
    return store.matrix(id(word), layerNumbers[layer]);
  }

  @Override
  public long[] sentenceIds(String word) {
    int w = id(word);
    long base = store.slotBase(w);
    long[] out = new long[store.slotCount(w)];
    for (int i = 0; i < out.length; i++) {
      out[i] = store.sentenceId(base + i);
    }
    return out;
  }

  @Override
  public int[] positions(String word) {
    int w = id(word);
    long base = store.slotBase(w);
    int[] out = new int[store.slotCount(w)];
    for (int i = 0; i < out.length; i++) {
      out[i] = store.position(base + i);
    }
    return out;
  }

  private int id(String word) {
    Integer w = index.get(word);
    if (w == null) {
      throw new IllegalArgumentException("word '" + word + "' is not among the analysed words of " + store.file());
    }
    return w;
  }
}
