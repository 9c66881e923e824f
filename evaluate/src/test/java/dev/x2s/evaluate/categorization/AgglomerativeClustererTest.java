package dev.x2s.evaluate.categorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * Points p0 (0,0), p1 (1,0), p2 (5,0), p3 (5,2), p4 (11,0). Euclidean distances:
 *   d01 1, d02 5, d03 √29 = 5.3852, d04 11, d12 4, d13 √20 = 4.4721, d14 10, d23 2, d24 6,
 *   d34 √40 = 6.3246.
 * Every linkage merges {0,1} at 1 (→ cluster 5), then {2,3} at 2 (→ 6), then {5,6} (→ 7), then
 * {4,7}:
 *   complete: d(5,6) = max(d02,d03,d12,d13) = 5.3852; d(7,4) = max(11, 10, 6, 6.3246) = 11.
 *   average:  d(5,2) = 4.5, d(5,3) = 4.9286 → d(5,6) = 4.7143; d(5,4) = 10.5, d(6,4) = 6.1623 →
 *             d(7,4) = (2·10.5 + 2·6.1623)/4 = 8.3311.
 *   ward:     d(5,k) = √((2 d0k² + 2 d1k² − d01²)/3): d(5,2) = √27, d(5,3) = √(97/3), d(5,4) = √147;
 *             d(6,4) = √((2·36 + 2·40 − 4)/3) = √(148/3);
 *             d(5,6) = √((3·27 + 3·97/3 − 2·4)/4) = √42.5 = 6.5192;
 *             d(7,4) = √((3·147 + 3·148/3 − 42.5)/5) = √109.3 = 10.4547.
 * Checked against scipy 1.10.1 (Debian /usr/bin/python3):
 *   linkage(X, method=m, metric='euclidean') for m in ward, average, complete
 * which printed the same merges and heights (ward 1, 2, 6.51920241, 10.45466403; average 1, 2,
 * 4.71432519, 8.33113883; complete 1, 2, 5.38516481, 11).
 */
class AgglomerativeClustererTest {
  private static final float[][] X = {{0, 0}, {1, 0}, {5, 0}, {5, 2}, {11, 0}};

  private static void assertMerges(List<AgglomerativeClusterer.Merge> m, double... heights) {
    int[][] pairs = {{0, 1}, {2, 3}, {5, 6}, {4, 7}};
    int[] sizes = {2, 2, 4, 5};
    assertEquals(4, m.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(pairs[i][0], m.get(i).left(), "merge " + i);
      assertEquals(pairs[i][1], m.get(i).right(), "merge " + i);
      assertEquals(heights[i], m.get(i).distance(), 1e-6, "merge " + i);
      assertEquals(sizes[i], m.get(i).size(), "merge " + i);
    }
  }

  @Test
  void wardMatchesHandAndScipy() {
    assertMerges(AgglomerativeClusterer.merges(X, Linkage.WARD, Distance.EUCLIDEAN),
        1, 2, 6.51920241, 10.45466403);
  }

  @Test
  void averageMatchesHandAndScipy() {
    assertMerges(AgglomerativeClusterer.merges(X, Linkage.AVERAGE, Distance.EUCLIDEAN),
        1, 2, 4.71432519, 8.33113883);
  }

  @Test
  void completeMatchesHandAndScipy() {
    assertMerges(AgglomerativeClusterer.merges(X, Linkage.COMPLETE, Distance.EUCLIDEAN),
        1, 2, 5.38516481, 11);
  }

  /* Cut at 2 clusters: {0,1,2,3} and {4}; at 3: {0,1}, {2,3}, {4}. Labels follow first points. */
  @Test
  void cutsIntoKClusters() {
    assertArrayEquals(new int[] {0, 0, 0, 0, 1},
        AgglomerativeClusterer.cluster(X, 2, Linkage.WARD, Distance.EUCLIDEAN));
    assertArrayEquals(new int[] {0, 0, 1, 1, 2},
        AgglomerativeClusterer.cluster(X, 3, Linkage.AVERAGE, Distance.EUCLIDEAN));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4},
        AgglomerativeClusterer.cluster(X, 5, Linkage.COMPLETE, Distance.EUCLIDEAN));
  }

  /*
   * Cosine distance (1 − cos), 3-D points. Reference from scipy 1.10.1:
   *   Y = [[1,0,0],[0.9,0.2,0],[0,1,0],[0.1,0.8,0.3],[0,0,1],[0.3,0.3,0.9]]
   *   linkage(Y, method='average', metric='cosine')
   *   → [0,1,0.02381294,2], [2,3,0.07001889,2], [4,5,0.09546597,2], [7,8,0.67971152,4],
   *     [6,9,0.83629393,6]
   *   linkage(Y, method='complete', metric='cosine')
   *   → same first three, then [6,7,1,4], [8,9,1,6] (a three-way tie at distance 1, broken the
   *     same way: the first pair in scan order)
   */
  @Test
  void cosineLinkagesMatchScipy() {
    float[][] y = {{1, 0, 0}, {0.9f, 0.2f, 0}, {0, 1, 0}, {0.1f, 0.8f, 0.3f}, {0, 0, 1},
        {0.3f, 0.3f, 0.9f}};
    List<AgglomerativeClusterer.Merge> avg =
        AgglomerativeClusterer.merges(y, Linkage.AVERAGE, Distance.COSINE);
    double[][] expectAvg = {{0, 1, 0.02381294, 2}, {2, 3, 0.07001889, 2}, {4, 5, 0.09546597, 2},
        {7, 8, 0.67971152, 4}, {6, 9, 0.83629393, 6}};
    double[][] expectComplete = {{0, 1, 0.02381294, 2}, {2, 3, 0.07001889, 2},
        {4, 5, 0.09546597, 2}, {6, 7, 1, 4}, {8, 9, 1, 6}};
    check(avg, expectAvg);
    check(AgglomerativeClusterer.merges(y, Linkage.COMPLETE, Distance.COSINE), expectComplete);
  }

  private static void check(List<AgglomerativeClusterer.Merge> m, double[][] expected) {
    assertEquals(expected.length, m.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals((int) expected[i][0], m.get(i).left(), "merge " + i);
      assertEquals((int) expected[i][1], m.get(i).right(), "merge " + i);
      // float inputs: agree with scipy's float64 to ~1e-7
      assertEquals(expected[i][2], m.get(i).distance(), 1e-6, "merge " + i);
      assertEquals((int) expected[i][3], m.get(i).size(), "merge " + i);
    }
  }
}
