package dev.x2s.teachers;

/** How the vectors of a word's pieces are combined into the word's vector. */
public enum PiecePooling {
  /** The mean of all pieces of the word (default). */
  MEAN,
  /** The first piece only. */
  FIRST,
  /** The last piece only. */
  LAST
}
