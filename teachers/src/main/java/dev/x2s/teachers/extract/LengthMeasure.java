package dev.x2s.teachers.extract;

/** How a sentence's length is measured for length-bucketing and the per-batch budget. */
public enum LengthMeasure {
  /**
   * The teacher's piece count ({@code Teacher.pieces(words)}, special tokens excluded): exact padding
   * cost, at the price of tokenizing each sentence twice (cheap next to the forward pass). Default.
   */
  PIECES,
  /** The word count: a free proxy; the batch budget is then in words. */
  WORDS
}
