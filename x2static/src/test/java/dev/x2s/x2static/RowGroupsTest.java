package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RowGroupsTest {
  @Test
  void groupsPairsByAscendingRowKeepingBatchOrder() {
    RowGroups g = new RowGroups(10);
    // pair:          0  1  2  3  4  5
    int[] pairRow = {7, 2, 7, 9, 2, 7, 99};
    g.build(pairRow, 6); // the 7th entry is past the batch's pairs and must be ignored
    assertEquals(3, g.count());
    assertEquals(2, g.row(0));
    assertEquals(7, g.row(1));
    assertEquals(9, g.row(2));
    assertEquals("[1, 4]", pairsOf(g, 0));
    assertEquals("[0, 2, 5]", pairsOf(g, 1));
    assertEquals("[3]", pairsOf(g, 2));
    // reused: a second batch starts from a clean table
    g.build(new int[] {9, 9}, 2);
    assertEquals(1, g.count());
    assertEquals("[0, 1]", pairsOf(g, 0));
  }

  private static String pairsOf(RowGroups g, int k) {
    StringBuilder s = new StringBuilder("[");
    for (int j = g.from(k); j < g.from(k + 1); j++) {
      s.append(j > g.from(k) ? ", " : "").append(g.pair(j));
    }
    return s.append(']').toString();
  }
}
