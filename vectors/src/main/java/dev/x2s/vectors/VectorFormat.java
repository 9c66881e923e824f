package dev.x2s.vectors;

/** The on-disk formats that {@link VectorFiles} reads and writes. */
public enum VectorFormat {
  /** word2vec text: header {@code N D}, then {@code word v1 … vD} per line. */
  WORD2VEC_TEXT,
  /**
   * word2vec binary (word2vec.c / gensim): header line {@code N D\n}, then per word the UTF-8 word, a
   * space and D little-endian float32; word2vec.c adds a {@code \n} after each vector, gensim does not.
   */
  WORD2VEC_BINARY,
  /** GloVe text: like word2vec text without the header line. */
  GLOVE,
  /** fastText {@code .vec}: word2vec text; fastText writes a space after the last value of a line. */
  FASTTEXT_VEC,
  /** x2s's own memory-mappable binary format, see the module README. */
  X2V
}
