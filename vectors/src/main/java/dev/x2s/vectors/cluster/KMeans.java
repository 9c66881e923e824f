package dev.x2s.vectors.cluster;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), deterministic for a
 * seed ({@link java.util.Random}). An empty cluster keeps its previous centre. The one k-means of
 * x2s: categorization (evaluate), the cluster view of geometry (layerpc) and cluster-based
 * post-processing ({@code dev.x2s.vectors.ClusterIsotropyEnhancement}) all use it.
 *
 * <p>Points are the rows of a row-major {@code n × dim} matrix; the assignment step runs over rows in
 * parallel but every sum is taken in row order, so the result does not depend on the thread count.
 */
public final class KMeans {
  /**
   * Labels 0..k-1, the sum of squared distances to the assigned centres, iterations run, and the
   * final centres (row-major {@code k × dim}).
   */
  public record Result(int[] labels, double inertia, int iterations, int k, double[] centres) {
    /** Members per cluster. */
    public int[] sizes() {
      int[] s = new int[k];
      for (int l : labels) {
        s[l]++;
      }
      return s;
    }
  }

  private KMeans() {}

  /** The run with the lowest inertia among {@code restarts} runs seeded 0..restarts-1. */
  public static Result best(float[][] points, int k, int restarts, int maxIterations) {
    return best(flatten(points), points.length == 0 ? 1 : points[0].length, k, restarts, maxIterations, 0);
  }

  /** The run with the lowest inertia among {@code restarts} runs seeded seed..seed+restarts-1. */
  public static Result best(float[] rows, int dim, int k, int restarts, int maxIterations, long seed) {
    Result best = null;
    for (int r = 0; r < restarts; r++) {
      Result x = run(rows, dim, k, seed + r, maxIterations);
      if (best == null || x.inertia() < best.inertia()) {
        best = x;
      }
    }
    return best;
  }

  public static Result run(float[][] points, int k, long seed, int maxIterations) {
    return run(flatten(points), points.length == 0 ? 1 : points[0].length, k, seed, maxIterations);
  }

  /** One run of Lloyd's algorithm on the rows of {@code rows} ({@code n × dim}, row-major). */
  public static Result run(float[] rows, int dim, int k, long seed, int maxIterations) {
    int n = rows.length / dim;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("cannot make " + k + " clusters of " + n + " points");
    }
    double[] centres = seed(rows, dim, k, new Random(seed));
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int iter = 0;
    while (iter < maxIterations) {
      iter++;
      int[] next = assign(rows, dim, centres);
      boolean changed = !Arrays.equals(next, labels);
      labels = next;
      if (!changed) {
        break;
      }
      double[] sums = new double[k * dim];
      int[] counts = new int[k];
      for (int p = 0; p < n; p++) {
        int c = labels[p];
        counts[c]++;
        for (int q = 0; q < dim; q++) {
          sums[c * dim + q] += rows[p * dim + q];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] > 0) {
          for (int q = 0; q < dim; q++) {
            centres[c * dim + q] = sums[c * dim + q] / counts[c];
          }
        }
      }
    }
    double inertia = 0;
    for (int p = 0; p < n; p++) {
      inertia += squared(rows, p * dim, centres, labels[p] * dim, dim);
    }
    return new Result(labels, inertia, iter, k, centres);
  }

  /** The index of the nearest centre (row-major {@code k × dim}) of every row. */
  public static int[] assign(float[] rows, int dim, double[] centres) {
    int n = rows.length / dim;
    int k = centres.length / dim;
    int[] out = new int[n];
    IntStream.range(0, n).parallel().forEach(p -> {
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = squared(rows, p * dim, centres, c * dim, dim);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      out[p] = best;
    });
    return out;
  }

  /** k-means++: the first centre uniformly, each next one with probability ∝ D(x)². */
  static double[] seed(float[] rows, int dim, int k, Random random) {
    int n = rows.length / dim;
    double[] centres = new double[k * dim];
    copy(rows, random.nextInt(n), dim, centres, 0);
    double[] d2 = new double[n];
    for (int p = 0; p < n; p++) {
      d2[p] = squared(rows, p * dim, centres, 0, dim);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double v : d2) {
        total += v;
      }
      int pick = n - 1;
      if (total > 0) {
        double r = random.nextDouble() * total;
        double acc = 0;
        for (int p = 0; p < n; p++) {
          acc += d2[p];
          if (r < acc) {
            pick = p;
            break;
          }
        }
      } else {
        pick = random.nextInt(n);
      }
      copy(rows, pick, dim, centres, c);
      int cc = c;
      for (int p = 0; p < n; p++) {
        d2[p] = Math.min(d2[p], squared(rows, p * dim, centres, cc * dim, dim));
      }
    }
    return centres;
  }

  private static void copy(float[] rows, int row, int dim, double[] centres, int c) {
    for (int q = 0; q < dim; q++) {
      centres[c * dim + q] = rows[row * dim + q];
    }
  }

  static double squared(float[] x, int xo, double[] c, int co, int dim) {
    double s = 0;
    for (int q = 0; q < dim; q++) {
      double d = x[xo + q] - c[co + q];
      s += d * d;
    }
    return s;
  }

  private static float[] flatten(float[][] points) {
    if (points.length == 0) {
      return new float[0];
    }
    int dim = points[0].length;
    float[] out = new float[points.length * dim];
    for (int p = 0; p < points.length; p++) {
      if (points[p].length != dim) {
        throw new IllegalArgumentException("point " + p + " has " + points[p].length + " values, expected " + dim);
      }
      System.arraycopy(points[p], 0, out, p * dim, dim);
    }
    return out;
  }
}
