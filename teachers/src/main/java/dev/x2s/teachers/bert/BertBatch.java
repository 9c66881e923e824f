package dev.x2s.teachers.bert;

/**
 * A checked, flattened encoder batch: ids {@code [batch*seq]} and the additive attention mask (0 for real
 * tokens, {@link #MASK_PENALTY} for padding), as every {@link BertForward} takes them.
 */
record BertBatch(int batch, int seq, int[] flatIds, float[] mask) {
  /** TF BERT's additive attention mask for padding positions. */
  static final float MASK_PENALTY = -10000f;

  /** Checks and flattens the arguments of {@link BertForward#forward}. */
  static BertBatch of(BertConfig config, int[][] ids, int[] lengths, int maxLayer) {
    int batch = ids.length;
    if (batch == 0 || lengths.length != batch) {
      throw new IllegalArgumentException("batch of " + batch + " rows, " + lengths.length + " lengths");
    }
    int seq = ids[0].length;
    if (seq > config.maxPositions()) {
      throw new IllegalArgumentException(
          "sequence of " + seq + " pieces exceeds the model's " + config.maxPositions() + " positions");
    }
    if (maxLayer < 0 || maxLayer > config.layers()) {
      throw new IllegalArgumentException("maxLayer " + maxLayer + " not in 0.." + config.layers());
    }
    int[] flatIds = new int[batch * seq];
    float[] mask = new float[batch * seq];
    for (int b = 0; b < batch; b++) {
      if (ids[b].length != seq) {
        throw new IllegalArgumentException("row " + b + " has " + ids[b].length + " ids, expected " + seq);
      }
      if (lengths[b] < 1 || lengths[b] > seq) {
        throw new IllegalArgumentException("row " + b + " length " + lengths[b] + " not in 1.." + seq);
      }
      for (int t = 0; t < seq; t++) {
        int id = ids[b][t];
        if (id < 0 || id >= config.vocabSize()) {
          throw new IllegalArgumentException("row " + b + " position " + t + ": id " + id + " out of range");
        }
        flatIds[b * seq + t] = id;
        mask[b * seq + t] = t < lengths[b] ? 0f : MASK_PENALTY;
      }
    }
    return new BertBatch(batch, seq, flatIds, mask);
  }
}
