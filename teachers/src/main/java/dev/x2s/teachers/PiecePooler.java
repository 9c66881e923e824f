package dev.x2s.teachers;

/**
 * Pools piece vectors back into word vectors, following a {@link TokenizedSentence}'s piece → word map.
 * Pieces arrive as {@code [layer][piece][dim]}.
 */
public final class PiecePooler {
  private PiecePooler() {}

  /**
   * @param pieces piece vectors laid out {@code [layer][piece][dim]}
   * @param layers number of layers in {@code pieces}
   * @param dim vector width
   * @param sentence the pieces ({@code sentence.pieces()} per layer) and the word each belongs to
   * @return the word vectors, with each word's piece count
   */
  public static WordStates pool(float[] pieces, int layers, int dim, TokenizedSentence sentence,
      PiecePooling pooling) {
    int numPieces = sentence.pieces();
    int[] wordOfPiece = sentence.wordOfPiece();
    int words = sentence.words().size();
    int[] first = new int[words];
    int[] last = new int[words];
    java.util.Arrays.fill(first, -1);
    for (int p = 0; p < numPieces; p++) {
      int w = wordOfPiece[p];
      if (first[w] < 0) {
        first[w] = p;
      }
      last[w] = p;
    }
    // every word has a piece: TokenizedSentence guarantees it
    float[] out = new float[layers * words * dim];
    for (int l = 0; l < layers; l++) {
      int lo = l * numPieces * dim;
      for (int w = 0; w < words; w++) {
        int o = (l * words + w) * dim;
        switch (pooling) {
          case FIRST -> System.arraycopy(pieces, lo + first[w] * dim, out, o, dim);
          case LAST -> System.arraycopy(pieces, lo + last[w] * dim, out, o, dim);
          case MEAN -> {
            int count = last[w] - first[w] + 1;
            for (int p = first[w]; p <= last[w]; p++) {
              int po = lo + p * dim;
              for (int k = 0; k < dim; k++) {
                out[o + k] += pieces[po + k];
              }
            }
            float inv = 1f / count;
            for (int k = 0; k < dim; k++) {
              out[o + k] *= inv;
            }
          }
          default -> throw new AssertionError(pooling);
        }
      }
    }
    int[] counts = new int[words];
    for (int w = 0; w < words; w++) {
      counts[w] = last[w] - first[w] + 1;
    }
    return new WordStates(layers, words, dim, out, counts);
  }
}
