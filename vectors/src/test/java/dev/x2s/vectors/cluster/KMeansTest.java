package dev.x2s.vectors.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KMeansTest {
  /*
   * Two tight groups on a line: {0, 1, 2} and {10, 11}. Any k-means++ seeding picks one centre in
   * each group with overwhelming probability and Lloyd converges to the group means 1 and 10.5:
   * inertia = (1 + 0 + 1) + (0.25 + 0.25) = 2.5.
   */
  @Test
  void separatesTwoGroups() {
    float[][] x = {{0}, {1}, {2}, {10}, {11}};
    KMeans.Result r = KMeans.best(x, 2, 10, 300);
    assertEquals(2.5, r.inertia(), 1e-12);
    assertEquals(r.labels()[3], r.labels()[4]);
    org.junit.jupiter.api.Assertions.assertNotEquals(r.labels()[0], r.labels()[3]);
    assertEquals(r.labels()[0], r.labels()[2]);
  }

  /* Same seed → same labels; k = n puts every point in its own cluster (inertia 0). */
  @Test
  void deterministicPerSeed() {
    float[][] x = {{0, 1}, {3, 1}, {2, 2}, {7, 0}, {1, 9}, {4, 4}};
    assertArrayEquals(KMeans.run(x, 3, 5, 300).labels(), KMeans.run(x, 3, 5, 300).labels());
    assertEquals(0.0, KMeans.run(x, 6, 1, 300).inertia(), 1e-12);
  }
}
