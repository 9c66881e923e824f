package dev.x2s.teachers.extract;

/** How a sentence's length is measured for length-bucketing and the per-batch budget. */
public enum LengthMeasure {
  /**
   * The teacher's piece count ({@code Teacher.tokenize(words).pieces()}, special tokens excluded): exact
   * padding cost, free since the sentence is tokenised for encoding anyway. Default.
   */
  PIECES,
  /** The word count: a free proxy; the batch budget is then in words. */
  WORDS
}
