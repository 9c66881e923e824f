package dev.x2s.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Window split and owner rules; expected owners worked out by hand from the policy in the javadoc. */
class PieceWindowsTest {
  private static int[] owners(PieceWindows pw, int n) {
    int[] o = new int[n];
    for (int p = 0; p < n; p++) {
      o[p] = pw.owner(p);
    }
    return o;
  }

  private static int[] runs(int... startOwnerPairs) {
    // (from, owner) pairs followed by n: owner applies to [from, next from)
    int n = startOwnerPairs[startOwnerPairs.length - 1];
    int[] o = new int[n];
    for (int i = 0; i + 2 < startOwnerPairs.length; i += 2) {
      int to = i + 2 < startOwnerPairs.length - 1 ? startOwnerPairs[i + 2] : n;
      java.util.Arrays.fill(o, startOwnerPairs[i], to, startOwnerPairs[i + 1]);
    }
    return o;
  }

  @Test
  void causalOwnerIsTheFirstWindowHoldingThePiece() {
    PieceWindows pw = PieceWindows.split(100, 32, 8, true);
    assertEquals(List.of(new PieceWindows.Window(0, 32), new PieceWindows.Window(24, 56),
        new PieceWindows.Window(48, 80), new PieceWindows.Window(68, 100)), pw.windows());
    // [0,32) window 0, [32,56) window 1, [56,80) window 2, [80,100) window 3
    org.junit.jupiter.api.Assertions.assertArrayEquals(runs(0, 0, 32, 1, 56, 2, 80, 3, 100), owners(pw, 100));
  }

  @Test
  void symmetricOwnerIsTheWindowWithTheWidestMargin() {
    PieceWindows pw = PieceWindows.split(100, 32, 8);
    // overlaps [24,32), [48,56), [68,80): window w keeps the piece while its right margin is larger than
    // window w+1's left margin (ties to the earlier window): 24..27 stay, 28..31 move, etc.
    // [68,80) overlap of windows 2 [48,80) and 3 [68,100): margin in 2 = 79-p, in 3 = p-68 → p<=73 stays.
    org.junit.jupiter.api.Assertions.assertArrayEquals(runs(0, 0, 28, 1, 52, 2, 74, 3, 100), owners(pw, 100));
  }

  @Test
  void causalRuleDiffersFromSymmetricOnlyInOverlaps() {
    PieceWindows c = PieceWindows.split(100, 32, 8, true);
    PieceWindows s = PieceWindows.split(100, 32, 8, false);
    assertEquals(0, c.owner(30));
    assertEquals(1, s.owner(30));
    assertEquals(s.windows(), c.windows());
  }

  @Test
  void shortSentenceIsOneWindowEitherWay() {
    for (boolean causal : new boolean[] {false, true}) {
      PieceWindows pw = PieceWindows.split(10, 32, 8, causal);
      assertEquals(List.of(new PieceWindows.Window(0, 10)), pw.windows());
      org.junit.jupiter.api.Assertions.assertArrayEquals(new int[10], owners(pw, 10));
    }
  }

  @Test
  void causalWithoutOverlapTilesTheSentence() {
    PieceWindows pw = PieceWindows.split(10, 4, 0, true);
    // windows [0,4) [4,8) [6,10): the last ends at n
    assertEquals(List.of(new PieceWindows.Window(0, 4), new PieceWindows.Window(4, 8),
        new PieceWindows.Window(6, 10)), pw.windows());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2}, owners(pw, 10));
  }

  @Test
  void badWindowIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> PieceWindows.split(10, 4, 4, true));
  }
}
