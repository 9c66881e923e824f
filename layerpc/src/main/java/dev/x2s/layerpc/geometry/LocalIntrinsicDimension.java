package dev.x2s.layerpc.geometry;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Local intrinsic dimension by the k-nearest-neighbour maximum-likelihood estimate (Amsaleg et al.,
 * KDD 2015; Levina &amp; Bickel 2004), as Cai et al. (ICLR 2021, §3.3) use it: for a point p with
 * Euclidean distances d_1 ≤ … ≤ d_K to its K nearest other points,
 * LID(p) = −((1/K) Σ_i log(d_i / d_K))⁻¹. The layer's value is the mean (and spread) over a seeded
 * random sample of query points, each searched exactly (brute force) among all points.
 *
 * <p>Differences from the released code of Cai et al., on purpose: (1) their faiss {@code IndexFlatL2}
 * returns <em>squared</em> distances, which halves every estimate (log(d²) = 2 log d); we use distances,
 * so their published LIDs compare with half of ours; (2) neighbours at distance 0 (exact duplicates, as a
 * context-free layer gives every occurrence of a word) are skipped, where theirs yield LID 0.
 * Their K is 100.
 */
public final class LocalIntrinsicDimension {
  /** Cai et al.'s number of neighbours. */
  public static final int PAPER_K = 100;

  private LocalIntrinsicDimension() {}

  /** Per-query estimates and their summary. */
  public record Result(int k, int points, double[] values) {
    public double mean() {
      return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Population standard deviation of the estimates. */
    public double std() {
      double m = mean();
      return Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).average().orElse(Double.NaN));
    }

    public double median() {
      return quantile(0.5);
    }

    public double quantile(double q) {
      if (values.length == 0) {
        return Double.NaN;
      }
      double[] s = values.clone();
      Arrays.sort(s);
      return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
    }
  }

  /**
   * The LID of {@code queries} random rows (all when there are fewer), each among all rows of
   * {@code rows} ({@code n × dim}).
   */
  public static Result of(float[] rows, int dim, int k, int queries, long seed) {
    int n = Rows.count(rows, dim);
    if (k < 2 || k >= n) {
      throw new IllegalArgumentException("need 2 ≤ K < points (" + n + "): " + k);
    }
    int[] q = GeometryAnalyzer.subset(n, queries, seed);
    double[] lid = IntStream.range(0, q.length).parallel().mapToDouble(i -> at(rows, dim, n, q[i], k)).toArray();
    return new Result(k, n, Arrays.stream(lid).filter(Double::isFinite).toArray());
  }

  /**
   * The LID of a static vector set: neighbours among {@code points} seeded random words (all when
   * fewer), {@code queries} of them estimated.
   */
  public static Result of(dev.x2s.vectors.WordVectors v, int k, int points, int queries, long seed) {
    float[] pool = sample(v.matrix(), v.dim(), points, new SplittableRandom(seed));
    return of(pool, v.dim(), Math.min(k, pool.length / v.dim() - 1), queries, GeometryAnalyzer.mix(seed, 1));
  }

  /** LID of row {@code p} among the rows; NaN when fewer than K other distinct points exist. */
  static double at(float[] rows, int dim, int n, int p, int k) {
    // the K smallest non-zero distances, kept in a max-heap (largest at 0)
    double[] heap = new double[k];
    int size = 0;
    int po = p * dim;
    for (int r = 0; r < n; r++) {
      if (r == p) {
        continue;
      }
      int ro = r * dim;
      double s = 0;
      for (int j = 0; j < dim; j++) {
        double d = rows[po + j] - rows[ro + j];
        s += d * d;
      }
      if (s == 0) {
        continue;
      }
      if (size < k) {
        heap[size] = s;
        siftUp(heap, size++);
      } else if (s < heap[0]) {
        heap[0] = s;
        siftDown(heap, k);
      }
    }
    if (size < k) {
      return Double.NaN;
    }
    double dk = Math.sqrt(heap[0]);
    double sum = 0;
    for (double s : heap) {
      sum += Math.log(Math.sqrt(s) / dk);
    }
    return sum == 0 ? Double.POSITIVE_INFINITY : -k / sum;
  }

  private static void siftUp(double[] h, int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (h[parent] >= h[i]) {
        return;
      }
      double t = h[parent];
      h[parent] = h[i];
      h[i] = t;
      i = parent;
    }
  }

  private static void siftDown(double[] h, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < size && h[l] > h[m]) {
        m = l;
      }
      if (r < size && h[r] > h[m]) {
        m = r;
      }
      if (m == i) {
        return;
      }
      double t = h[m];
      h[m] = h[i];
      h[i] = t;
      i = m;
    }
  }

  /** Samples {@code max} of the {@code n × dim} rows (all if fewer), seeded, in increasing order. */
  static float[] sample(float[] rows, int dim, int max, SplittableRandom rnd) {
    int n = Rows.count(rows, dim);
    int[] pick = GeometryAnalyzer.subset(n, max, rnd.nextLong());
    float[] out = new float[pick.length * dim];
    for (int i = 0; i < pick.length; i++) {
      System.arraycopy(rows, pick[i] * dim, out, i * dim, dim);
    }
    return out;
  }
}
