package dev.x2s.teachers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizedSentenceTest {
  @Test
  void pieceCountsFollowTheWordOfEachPiece() {
    TokenizedSentence t = new TokenizedSentence(List.of("un", "believ", "able"), new int[] {5, 6, 7, 8, 9},
        new int[] {0, 1, 1, 1, 2});
    assertEquals(5, t.pieces());
    assertArrayEquals(new int[] {1, 3, 1}, t.pieceCounts());
    TokenizedSentence w = TokenizedSentence.wordsAsPieces(List.of("a", "b"));
    assertArrayEquals(new int[] {TokenizedSentence.NO_ID, TokenizedSentence.NO_ID}, w.ids());
    assertArrayEquals(new int[] {1, 1}, w.pieceCounts());
  }

  @Test
  void everyWordNeedsAPieceAndPiecesStayInOrder() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TokenizedSentence(List.of("a", "b", "c"), new int[3], new int[] {0, 2, 2}));
    assertEquals("word indices of pieces must step by 0 or 1 from 0: [0, 2, 2]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new TokenizedSentence(List.of("a", "b"), new int[1], new int[] {0}));
    assertEquals("2 words but the pieces cover 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new TokenizedSentence(List.of("a"), new int[2], new int[] {0}));
    assertEquals("2 piece ids but 1 word indices", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TokenizedSentence(List.of(), new int[0], new int[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new TokenizedSentence(List.of("a"), new int[2], new int[] {1, 0}));
  }

  @Test
  void wordStatesRefuseWordsWithoutPieces() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WordStates(1, 2, 1, new float[2], new int[] {1, 0}));
    assertEquals("word 1 has 0 pieces", e.getMessage());
    assertEquals(1, new WordStates(1, 2, 1, new float[2]).pieceCount(1));
  }
}
