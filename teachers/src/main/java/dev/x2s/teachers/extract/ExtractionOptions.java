package dev.x2s.teachers.extract;

import dev.x2s.teachers.PiecePooling;

/**
 * Settings of a {@link ContextExtractor}.
 *
 * @param maxLayer highest layer wanted (inclusive); the teacher returns layers {@code 0..maxLayer}
 * @param pooling how a word's pieces become its vector
 * @param batchSize most sentences per teacher call
 * @param maxPiecesPerBatch most padded length units per call: {@code sentences × longest length}, in the
 *     unit of {@code lengthMeasure}; a single longer sentence is encoded alone
 * @param readAheadBatches the read-ahead window is {@code readAheadBatches × batchSize} sentences
 * @param lengthMeasure what "length" means for bucketing and the budget
 * @param maxBufferedValues most floats of results held before they reach the consumer (a window is cut
 *     short when its sentences' {@code words × (maxLayer+1) × dim} would pass it); at least one sentence
 *     is always admitted
 */
public record ExtractionOptions(
    int maxLayer, PiecePooling pooling, int batchSize, int maxPiecesPerBatch, int readAheadBatches,
    LengthMeasure lengthMeasure, long maxBufferedValues) implements java.io.Serializable {

  public ExtractionOptions {
    if (maxLayer < 0 || batchSize < 1 || maxPiecesPerBatch < 1 || readAheadBatches < 1 || maxBufferedValues < 1) {
      throw new IllegalArgumentException("bad extraction options: " + this);
    }
  }

  /**
   * Defaults: mean pooling, 32 sentences and 8,192 pieces per batch, a window of 32 batches, piece
   * lengths, 64 M floats (256 MB) of buffered results.
   */
  public static ExtractionOptions defaults(int maxLayer) {
    return new ExtractionOptions(maxLayer, PiecePooling.MEAN, 32, 8192, 32, LengthMeasure.PIECES, 64L << 20);
  }

  /** Most sentences held at once: {@code readAheadBatches × batchSize}. */
  public int windowSentences() {
    return Math.multiplyExact(readAheadBatches, batchSize);
  }

  public ExtractionOptions withBatch(int batchSize, int maxPiecesPerBatch) {
    return new ExtractionOptions(maxLayer, pooling, batchSize, maxPiecesPerBatch, readAheadBatches,
        lengthMeasure, maxBufferedValues);
  }

  public ExtractionOptions withReadAhead(int readAheadBatches, long maxBufferedValues) {
    return new ExtractionOptions(maxLayer, pooling, batchSize, maxPiecesPerBatch, readAheadBatches,
        lengthMeasure, maxBufferedValues);
  }

  public ExtractionOptions withLengthMeasure(LengthMeasure m) {
    return new ExtractionOptions(maxLayer, pooling, batchSize, maxPiecesPerBatch, readAheadBatches, m,
        maxBufferedValues);
  }

  public ExtractionOptions withPooling(PiecePooling p) {
    return new ExtractionOptions(maxLayer, p, batchSize, maxPiecesPerBatch, readAheadBatches, lengthMeasure,
        maxBufferedValues);
  }
}
