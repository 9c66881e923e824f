package dev.x2s.layerpc.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link OccurrenceSource} held in memory: for tests, toy examples and small stores. */
public final class InMemoryOccurrences implements OccurrenceSource {
  private final String name;
  private final int layers;
  private final int dim;
  private final Map<String, Entry> entries;

  private record Entry(float[][] layers, long[] sentences, int[] positions) {}

  private InMemoryOccurrences(String name, int layers, int dim, Map<String, Entry> entries) {
    this.name = name;
    this.layers = layers;
    this.dim = dim;
    this.entries = entries;
  }

  /** Starts a source named {@code name} with {@code layers} layers of {@code dim}-dimensional rows. */
  public static Builder builder(String name, int layers, int dim) {
    if (layers <= 0 || dim <= 0) {
      throw new IllegalArgumentException("layers and dim must be positive: " + layers + ", " + dim);
    }
    return new Builder(name, layers, dim);
  }

  /** Collects words one at a time. */
  public static final class Builder {
    private final String name;
    private final int layers;
    private final int dim;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder(String name, int layers, int dim) {
      this.name = name;
      this.layers = layers;
      this.dim = dim;
    }

    /**
     * Adds a word: {@code perLayer[l]} holds its {@code n × dim} rows at layer {@code l}, where
     * {@code n = sentences.length = positions.length}.
     */
    public Builder add(String word, float[][] perLayer, long[] sentences, int[] positions) {
      int n = sentences.length;
      if (positions.length != n) {
        throw new IllegalArgumentException(word + ": " + n + " sentence ids but " + positions.length + " positions");
      }
      if (perLayer.length != layers) {
        throw new IllegalArgumentException(word + ": " + perLayer.length + " layers, expected " + layers);
      }
      for (int l = 0; l < layers; l++) {
        if (perLayer[l].length != n * dim) {
          throw new IllegalArgumentException(
              word + ": layer " + l + " has " + perLayer[l].length + " values, expected " + n + " × " + dim);
        }
      }
      if (entries.putIfAbsent(word, new Entry(perLayer, sentences.clone(), positions.clone())) != null) {
        throw new IllegalArgumentException("duplicate word: " + word);
      }
      return this;
    }

    /** The source (the builder may not be reused). */
    public InMemoryOccurrences build() {
      return new InMemoryOccurrences(name, layers, dim, entries);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> words() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  @Override
  public int layers() {
    return layers;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public float[] occurrences(String word, int layer) {
    return entry(word).layers[layer];
  }

  @Override
  public long[] sentenceIds(String word) {
    return entry(word).sentences.clone();
  }

  @Override
  public int[] positions(String word) {
    return entry(word).positions.clone();
  }

  private Entry entry(String word) {
    Entry e = entries.get(word);
    if (e == null) {
      throw new IllegalArgumentException("no occurrences stored for word: " + word);
    }
    return e;
  }
}
