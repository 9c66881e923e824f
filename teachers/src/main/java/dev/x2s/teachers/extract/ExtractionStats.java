package dev.x2s.teachers.extract;

/**
 * What a {@link ContextExtractor#run} did.
 *
 * @param sentences sentences delivered
 * @param words words delivered
 * @param length summed sentence lengths (pieces or words, per {@link LengthMeasure})
 * @param paddedLength summed {@code batch size × longest length} over batches: {@code length /
 *     paddedLength} is the padding efficiency
 * @param batches teacher calls
 * @param windows read-ahead windows
 * @param maxHeldSentences most sentences held at once (read but not yet delivered)
 * @param maxHeldValues most result floats held at once
 */
public record ExtractionStats(
    long sentences, long words, long length, long paddedLength, long batches, long windows,
    int maxHeldSentences, long maxHeldValues) {

  /** {@code length / paddedLength}, 1 when nothing ran. */
  public double paddingEfficiency() {
    return paddedLength == 0 ? 1 : (double) length / paddedLength;
  }
}
