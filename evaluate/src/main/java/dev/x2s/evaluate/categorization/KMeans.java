package dev.x2s.evaluate.categorization;

import java.util.Arrays;
import java.util.Random;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), deterministic for a
 * seed ({@link java.util.Random}). An empty cluster keeps its previous centre.
 */
public final class KMeans {
  /** Labels 0..k-1, the sum of squared distances to the assigned centres, and iterations run. */
  public record Result(int[] labels, double inertia, int iterations) {}

  private KMeans() {}

  /** The run with the lowest inertia among {@code restarts} runs seeded 0..restarts-1. */
  public static Result best(float[][] points, int k, int restarts, int maxIterations) {
    Result best = null;
    for (int seed = 0; seed < restarts; seed++) {
      Result r = run(points, k, seed, maxIterations);
      if (best == null || r.inertia() < best.inertia()) {
        best = r;
      }
    }
    return best;
  }

  public static Result run(float[][] points, int k, long seed, int maxIterations) {
    int n = points.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("cannot make " + k + " clusters of " + n + " points");
    }
    int dim = points[0].length;
    double[][] centres = seed(points, k, new Random(seed));
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int iter = 0;
    while (iter < maxIterations) {
      iter++;
      boolean changed = false;
      for (int p = 0; p < n; p++) {
        int c = nearest(points[p], centres);
        if (c != labels[p]) {
          labels[p] = c;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sums = new double[k][dim];
      int[] counts = new int[k];
      for (int p = 0; p < n; p++) {
        counts[labels[p]]++;
        for (int q = 0; q < dim; q++) {
          sums[labels[p]][q] += points[p][q];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] > 0) {
          for (int q = 0; q < dim; q++) {
            centres[c][q] = sums[c][q] / counts[c];
          }
        }
      }
    }
    double inertia = 0;
    for (int p = 0; p < n; p++) {
      inertia += squared(points[p], centres[labels[p]]);
    }
    return new Result(labels, inertia, iter);
  }

  /** k-means++: the first centre uniformly, each next one with probability ∝ D(x)². */
  static double[][] seed(float[][] points, int k, Random random) {
    int n = points.length;
    double[][] centres = new double[k][];
    centres[0] = toDouble(points[random.nextInt(n)]);
    double[] d2 = new double[n];
    for (int p = 0; p < n; p++) {
      d2[p] = squared(points[p], centres[0]);
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
      centres[c] = toDouble(points[pick]);
      for (int p = 0; p < n; p++) {
        d2[p] = Math.min(d2[p], squared(points[p], centres[c]));
      }
    }
    return centres;
  }

  private static int nearest(float[] x, double[][] centres) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double d = squared(x, centres[c]);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  private static double squared(float[] x, double[] c) {
    double s = 0;
    for (int q = 0; q < x.length; q++) {
      double d = x[q] - c[q];
      s += d * d;
    }
    return s;
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int q = 0; q < v.length; q++) {
      out[q] = v[q];
    }
    return out;
  }
}
