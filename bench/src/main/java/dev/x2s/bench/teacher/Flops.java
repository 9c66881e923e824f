package dev.x2s.bench.teacher;

import dev.x2s.teachers.bert.BertConfig;

/**
 * Floating-point operations of a BERT forward pass, counting a multiply-add as 2. Per block on a sequence
 * of {@code T} tokens: the four H×H projections (Q, K, V, attention output) {@code 2·T·4H²}, the
 * feed-forward {@code 2·T·2HF}, and attention {@code QKᵀ} and {@code A·V} {@code 2·2·T²·H} (all heads
 * together). Embedding lookups, LayerNorm, softmax, GELU and bias adds are elementwise (O(T·H)) and left
 * out: they are not GEMM work, so the GEMM bound does not cover them either.
 */
final class Flops {
  private Flops() {}

  /** FLOPs of running {@code blocks} transformer blocks on one sequence of {@code t} tokens. */
  static double sequence(BertConfig c, int t, int blocks) {
    double h = c.hidden();
    double f = c.intermediate();
    double perBlock = 2.0 * t * (4 * h * h + 2 * h * f) + 4.0 * t * (double) t * h;
    return perBlock * blocks;
  }

  /** FLOPs over the real (unpadded) lengths of every chunk. */
  static double useful(BertConfig c, EncoderBatches b, int blocks) {
    double sum = 0;
    for (EncoderBatches.Chunk ch : b.chunks()) {
      for (int l : ch.lengths()) {
        sum += sequence(c, l, blocks);
      }
    }
    return sum;
  }

  /** FLOPs the encoder actually executes: every row at its chunk's padded length. */
  static double executed(BertConfig c, EncoderBatches b, int blocks) {
    double sum = 0;
    for (EncoderBatches.Chunk ch : b.chunks()) {
      sum += ch.ids().length * sequence(c, ch.seq(), blocks);
    }
    return sum;
  }
}
