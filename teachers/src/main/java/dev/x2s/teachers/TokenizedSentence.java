package dev.x2s.teachers;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence of words as one teacher's pieces, made by {@link Teacher#tokenize} and handed back to
 * {@link Teacher#encodeTokenized}: a sentence is tokenised once, however many callers need its pieces
 * (batch planning by piece count, encoding, pooling).
 *
 * @param words the sentence's words, at least one
 * @param ids the pieces' ids in the teacher's vocabulary, in order, special tokens excluded;
 *     {@link #NO_ID} for a teacher whose pieces are the words themselves (ELMo reads characters)
 * @param wordOfPiece the word each piece belongs to: starts at 0, steps by 0 or 1, ends at the last word,
 *     so every word has at least one piece. Arrays are shared: do not modify.
 */
public record TokenizedSentence(List<String> words, int[] ids, int[] wordOfPiece) {
  /** The id of a piece that has none. */
  public static final int NO_ID = -1;

  public TokenizedSentence {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a sentence needs at least one word");
    }
    if (ids.length != wordOfPiece.length) {
      throw new IllegalArgumentException(ids.length + " piece ids but " + wordOfPiece.length + " word indices");
    }
    int last = -1;
    for (int w : wordOfPiece) {
      if (w != last && w != last + 1) {
        throw new IllegalArgumentException("word indices of pieces must step by 0 or 1 from 0: "
            + Arrays.toString(wordOfPiece));
      }
      last = w;
    }
    if (last != words.size() - 1) {
      throw new IllegalArgumentException(words.size() + " words but the pieces cover " + (last + 1));
    }
  }

  /** One piece per word, without ids: for teachers whose pieces are the words. */
  public static TokenizedSentence wordsAsPieces(List<String> words) {
    int[] ids = new int[words.size()];
    Arrays.fill(ids, NO_ID);
    int[] wordOf = new int[words.size()];
    Arrays.setAll(wordOf, i -> i);
    return new TokenizedSentence(words, ids, wordOf);
  }

  /** Pieces of the whole sentence. */
  public int pieces() {
    return ids.length;
  }

  /** Pieces of each word. */
  public int[] pieceCounts() {
    int[] n = new int[words.size()];
    for (int w : wordOfPiece) {
      n[w]++;
    }
    return n;
  }
}
