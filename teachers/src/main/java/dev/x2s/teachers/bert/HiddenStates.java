package dev.x2s.teachers.bert;

/**
 * A batch's hidden states from {@link BertEncoder#forward}: one array per layer, each laid out
 * {@code [row][pos][dim]} (the layout the encoder produces them in, so nothing is reshuffled).
 *
 * @param batch rows
 * @param seqLen padded length of every row (special tokens included)
 * @param dim hidden width
 * @param data {@code data[layer]}, layers 0..maxLayer
 */
public record HiddenStates(int batch, int seqLen, int dim, float[][] data) {
  public HiddenStates {
    for (float[] l : data) {
      if ((long) batch * seqLen * dim != l.length) {
        throw new IllegalArgumentException("hidden states: " + l.length + " values per layer for "
            + batch + "×" + seqLen + "×" + dim);
      }
    }
  }

  /** Hidden states returned (maxLayer + 1). */
  public int layers() {
    return data.length;
  }

  /** The values of one layer, {@code [row][pos][dim]}. */
  public float[] layer(int layer) {
    return data[layer];
  }

  /** Offset of (row, pos) within {@link #layer(int)}. */
  public int offset(int row, int pos) {
    return (row * seqLen + pos) * dim;
  }

  public float get(int row, int layer, int pos, int k) {
    return data[layer][offset(row, pos) + k];
  }
}
