package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {
  private static final long SEED = 99;

  /** Brute force in double precision, full sort: the independent reference. */
  private static int[] bruteForce(WordVectors v, float[] q, int k, int... exclude) {
    double qn = 0;
    for (float x : q) {
      qn += (double) x * x;
    }
    double[] cos = new double[v.size()];
    for (int r = 0; r < v.size(); r++) {
      double dot = 0;
      double n = 0;
      for (int d = 0; d < v.dim(); d++) {
        double x = v.matrix()[r * v.dim() + d];
        dot += x * q[d];
        n += x * x;
      }
      cos[r] = n == 0 || qn == 0 ? 0 : dot / Math.sqrt(n * qn);
    }
    return IntStream.range(0, v.size())
        .filter(r -> Arrays.stream(exclude).noneMatch(e -> e == r))
        .boxed()
        .sorted(Comparator.comparingDouble((Integer r) -> -cos[r]).thenComparing(r -> r))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void matchesBruteForceWithExclusionsAcrossTiles() {
    // 5000 rows: several 2048-row tiles, the last one partial
    WordVectors v = gaussian(SEED, 5000, 24);
    NearestNeighbors nn = NearestNeighbors.of(v, 2);
    Random rnd = new Random(SEED);
    int count = 37;
    float[] queries = new float[count * 24];
    int[][] exclude = new int[count][];
    for (int q = 0; q < count; q++) {
      int row = rnd.nextInt(v.size());
      System.arraycopy(v.matrix(), row * 24, queries, q * 24, 24);
      exclude[q] = new int[] {row};
    }
    Neighbor[][] got = nn.search(queries, count, 10, exclude);
    for (int q = 0; q < count; q++) {
      float[] query = Arrays.copyOfRange(queries, q * 24, q * 24 + 24);
      int[] expected = bruteForce(v, query, 10, exclude[q]);
      int[] actual = Arrays.stream(got[q]).mapToInt(Neighbor::row).toArray();
      for (int i = 0; i < 10; i++) {
        assertEquals(
            cosine(v, query, expected[i]),
            got[q][i].cosine(),
            1e-5,
            "seed " + SEED + " query " + q + " rank " + i);
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          expected, actual, "seed " + SEED + " query " + q);
      int excluded = exclude[q][0];
      assertTrue(Arrays.stream(actual).noneMatch(r -> r == excluded));
      for (int i = 1; i < 10; i++) {
        assertTrue(got[q][i - 1].cosine() >= got[q][i].cosine());
      }
      assertEquals(v.word(actual[0]), got[q][0].word());
    }
  }

  /** Plain Gaussian rows (no outliers, so near-ties between float and double are unlikely). */
  private static WordVectors gaussian(long seed, int n, int dim) {
    Random rnd = new Random(seed);
    float[] m = new float[n * dim];
    String[] words = new String[n];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) rnd.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    return new WordVectors(words, m, dim);
  }

  private static double cosine(WordVectors v, float[] q, int row) {
    double dot = 0;
    double a = 0;
    double b = 0;
    for (int d = 0; d < v.dim(); d++) {
      double x = v.matrix()[row * v.dim() + d];
      dot += x * q[d];
      a += x * x;
      b += (double) q[d] * q[d];
    }
    return dot / Math.sqrt(a * b);
  }

  @Test
  void handComputedExample() {
    // rows: (1,0), (0.6,0.8), (0,1), (-1,0); query (1,0) → cosines 1, 0.6, 0, -1
    WordVectors v =
        new WordVectors(
            new String[] {"east", "northeast", "north", "west"},
            new float[] {2, 0, 0.6f, 0.8f, 0, 3, -1, 0},
            2);
    NearestNeighbors nn = NearestNeighbors.of(v, 1);
    List<Neighbor> got = nn.nearest("east", 2);
    assertEquals(List.of("northeast", "north"), got.stream().map(Neighbor::word).toList());
    assertEquals(0.6f, got.get(0).cosine(), 1e-6);
    List<Neighbor> all = nn.nearest(new float[] {0, -5}, 10);
    assertEquals(4, all.size());
    // cosines 0 (east), -0.8, -1, 0 (west): the tie at 0 goes to the lower row
    assertEquals(
        List.of("east", "west", "northeast", "north"),
        all.stream().map(Neighbor::word).toList());
  }

  @Test
  void tiesAreOrderedByRow() {
    WordVectors v =
        new WordVectors(new String[] {"a", "b", "c", "d"}, new float[] {1, 0, 1, 0, 0, 1, 1, 0}, 2);
    List<Neighbor> got = NearestNeighbors.of(v, 1).nearest(new float[] {1, 0}, 3);
    assertEquals(List.of(0, 1, 3), got.stream().map(Neighbor::row).toList());
    assertEquals(List.of(), NearestNeighbors.of(v).nearest("missing", 3));
  }
}
