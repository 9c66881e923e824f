package dev.x2s.teachers;

/**
 * The contextual vectors of one sentence's words at layers {@code 0..layers-1}, stored as a single
 * float array laid out {@code [layer][word][dim]}.
 */
public final class WordStates {
  private final int layers;
  private final int words;
  private final int dim;
  private final float[] data;

  public WordStates(int layers, int words, int dim, float[] data) {
    if ((long) layers * words * dim != data.length) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values, expected " + layers + "×" + words + "×" + dim);
    }
    this.layers = layers;
    this.words = words;
    this.dim = dim;
    this.data = data;
  }

  public int layers() {
    return layers;
  }

  public int words() {
    return words;
  }

  public int dim() {
    return dim;
  }

  /** The backing array, {@code [layer][word][dim]}; shared, do not modify. */
  public float[] data() {
    return data;
  }

  /** Offset of (layer, word) in {@link #data()}. */
  public int offset(int layer, int word) {
    return (layer * words + word) * dim;
  }

  public float get(int layer, int word, int k) {
    return data[offset(layer, word) + k];
  }

  /** A copy of one word's vector at one layer. */
  public float[] vector(int layer, int word) {
    int o = offset(layer, word);
    return java.util.Arrays.copyOfRange(data, o, o + dim);
  }
}
