package dev.x2s.teachers.bert;

/**
 * A BERT encoder's forward pass, whatever runs it: {@link BertEncoder} (fp32 or bf16 on DJL's PyTorch
 * engine) or {@link OrtBertEncoder} (int8 on ONNX Runtime). Not thread-safe: one per thread.
 */
public interface BertForward extends AutoCloseable {
  BertConfig config();

  /** The arithmetic of the linear layers. */
  dev.x2s.teachers.Precision precision();

  /** Where the weights came from. */
  String source();

  /**
   * Runs the encoder on a padded batch (token type 0 everywhere).
   *
   * @param ids {@code [batch][seqLen]} piece ids, every row the same length, padded with any valid id
   * @param lengths real (unpadded) length of each row, {@code 1..seqLen}
   * @param maxLayer highest hidden state wanted, {@code 0..layers}
   * @return hidden states {@code 0..maxLayer}
   */
  HiddenStates forward(int[][] ids, int[] lengths, int maxLayer);

  @Override
  void close();
}
