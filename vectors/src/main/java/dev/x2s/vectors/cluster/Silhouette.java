package dev.x2s.vectors.cluster;

import java.util.stream.IntStream;

/**
 * The silhouette coefficient (Rousseeuw 1987) with Euclidean distances, as scikit-learn's
 * {@code silhouette_score}: for a point, a = mean distance to the other members of its cluster, b =
 * the smallest mean distance to the members of another cluster, s = (b − a) / max(a, b); s = 0 for a
 * member of a singleton cluster. The score of a clustering is the mean s over points.
 *
 * <p>Several clusterings of the same points (one per candidate k) share one distance matrix, so it is
 * a value of its own ({@link Distances}); it holds n² floats (4,000 points → 64 MB).
 */
public final class Silhouette {
  private Silhouette() {}

  /** Pairwise Euclidean distances of n points, row-major n × n. */
  public record Distances(int n, float[] d) {
    public double at(int i, int j) {
      return d[i * n + j];
    }
  }

  /** The pairwise distances of the rows of {@code rows} ({@code n × dim}). */
  public static Distances distances(float[] rows, int dim) {
    int n = rows.length / dim;
    if ((long) n * n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(n + " points are too many for a silhouette distance matrix");
    }
    double[] sq = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int q = 0; q < dim; q++) {
        s += (double) rows[i * dim + q] * rows[i * dim + q];
      }
      sq[i] = s;
    }
    float[] d = new float[n * n];
    IntStream.range(0, n).parallel().forEach(i -> {
      for (int j = i + 1; j < n; j++) {
        double dot = 0;
        int io = i * dim;
        int jo = j * dim;
        for (int q = 0; q < dim; q++) {
          dot += (double) rows[io + q] * rows[jo + q];
        }
        double v = Math.sqrt(Math.max(0, sq[i] + sq[j] - 2 * dot));
        d[i * n + j] = (float) v;
      }
    });
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        d[i * n + j] = d[j * n + i];
      }
    }
    return new Distances(n, d);
  }

  /** The mean silhouette of {@code labels} (values 0..k−1) over the points of {@code d}; NaN if k < 2. */
  public static double mean(Distances d, int[] labels, int k) {
    int n = d.n();
    if (labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels for " + n + " points");
    }
    int[] size = new int[k];
    for (int l : labels) {
      size[l]++;
    }
    int used = 0;
    for (int s : size) {
      used += s > 0 ? 1 : 0;
    }
    if (used < 2) {
      return Double.NaN;
    }
    double[] s = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      double[] sum = new double[k];
      int o = i * n;
      for (int j = 0; j < n; j++) {
        sum[labels[j]] += d.d()[o + j];
      }
      int own = labels[i];
      if (size[own] < 2) {
        s[i] = 0;
        return;
      }
      double a = sum[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && size[c] > 0) {
          b = Math.min(b, sum[c] / size[c]);
        }
      }
      double m = Math.max(a, b);
      s[i] = m == 0 ? 0 : (b - a) / m;
    });
    double total = 0;
    for (double x : s) {
      total += x;
    }
    return total / n;
  }
}
