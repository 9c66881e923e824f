package dev.x2s.teachers;

/**
 * The contextual vectors of one sentence's words at layers {@code 0..layers-1}, stored as a single
 * float array laid out {@code [layer][word][dim]}, with the number of teacher pieces each word was
 * pooled from (so that a caller weighting words by their pieces need not tokenise again).
 */
public final class WordStates {
  private final int layers;
  private final int words;
  private final int dim;
  private final float[] data;
  private final int[] pieceCounts;

  /**
   * @param pieceCounts pieces of each word, each at least 1; shared, not copied
   */
  public WordStates(int layers, int words, int dim, float[] data, int[] pieceCounts) {
    if ((long) layers * words * dim != data.length) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values, expected " + layers + "×" + words + "×" + dim);
    }
    if (pieceCounts.length != words) {
      throw new IllegalArgumentException(pieceCounts.length + " piece counts for " + words + " words");
    }
    for (int w = 0; w < words; w++) {
      if (pieceCounts[w] < 1) {
        throw new IllegalArgumentException("word " + w + " has " + pieceCounts[w] + " pieces");
      }
    }
    this.layers = layers;
    this.words = words;
    this.dim = dim;
    this.data = data;
    this.pieceCounts = pieceCounts;
  }

  /** States of words that are one piece each (teachers whose pieces are the words, like ELMo; tests). */
  public WordStates(int layers, int words, int dim, float[] data) {
    this(layers, words, dim, data, ones(words));
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
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

  /** Pieces word {@code word} was pooled from. */
  public int pieceCount(int word) {
    return pieceCounts[word];
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
