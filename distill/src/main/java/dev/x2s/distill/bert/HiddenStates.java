package dev.x2s.distill.bert;

/**
 * A batch's hidden states from {@link BertEncoder#forward}, laid out {@code [batch][layer][pos][dim]}
 * (one sentence's states contiguous; within it the {@code [layer][piece][dim]} order that
 * {@link dev.x2s.distill.teacher.PiecePooler} uses).
 *
 * @param layers hidden states per sentence (0..maxLayer)
 * @param batch rows
 * @param seqLen padded length of every row (special tokens included)
 * @param dim hidden width
 * @param data values
 */
public record HiddenStates(int layers, int batch, int seqLen, int dim, float[] data) {
  public HiddenStates {
    if ((long) layers * batch * seqLen * dim != data.length) {
      throw new IllegalArgumentException("hidden states: " + data.length + " values for "
          + batch + "×" + layers + "×" + seqLen + "×" + dim);
    }
  }

  /** Offset of (row, layer, position) in {@link #data()}. */
  public int offset(int row, int layer, int pos) {
    return ((row * layers + layer) * seqLen + pos) * dim;
  }

  public float get(int row, int layer, int pos, int k) {
    return data[offset(row, layer, pos) + k];
  }
}
