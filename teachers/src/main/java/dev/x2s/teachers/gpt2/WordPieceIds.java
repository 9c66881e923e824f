package dev.x2s.teachers.gpt2;

/**
 * A sentence's GPT-2 pieces and the word each belongs to.
 *
 * @param ids piece ids, in order (no special tokens)
 * @param wordOfPiece index of the word each piece belongs to; non-decreasing, covering every word
 * @param words number of words
 */
public record WordPieceIds(int[] ids, int[] wordOfPiece, int words) {
  public int length() {
    return ids.length;
  }
}
