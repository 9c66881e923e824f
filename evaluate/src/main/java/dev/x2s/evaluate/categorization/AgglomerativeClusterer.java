package dev.x2s.evaluate.categorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Agglomerative clustering with Lance–Williams distance updates: O(N³) time, O(N²) memory, meant
 * for the few hundred words of a categorization benchmark. At each step the closest pair of active
 * clusters merges; ties go to the pair met first when scanning slots (i &lt; j) in increasing order,
 * a merged cluster taking the lower slot.
 */
public final class AgglomerativeClusterer {
  /**
   * One merge, numbered like scipy's {@code linkage} output: points are 0..N-1, the cluster made by
   * merge m is N+m; {@code left < right}.
   */
  public record Merge(int left, int right, double distance, int size) {}

  private AgglomerativeClusterer() {}

  /** Cluster labels 0..k-1 (numbered by each cluster's first point) after merging down to k. */
  public static int[] cluster(float[][] points, int k, Linkage linkage, Distance distance) {
    int n = points.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("cannot make " + k + " clusters of " + n + " points");
    }
    State s = new State(points, linkage, distance);
    while (s.active > k) {
      s.mergeClosest();
    }
    return s.labels();
  }

  /** The complete merge sequence (N−1 merges), for comparison with scipy's {@code linkage}. */
  public static List<Merge> merges(float[][] points, Linkage linkage, Distance distance) {
    State s = new State(points, linkage, distance);
    while (s.active > 1) {
      s.mergeClosest();
    }
    return s.merges;
  }

  private static final class State {
    final int n;
    final Linkage linkage;
    final double[][] d;
    final boolean[] alive;
    final int[] size;
    final int[] id;
    final int[] slotOfPoint;
    final List<Merge> merges = new ArrayList<>();
    int active;

    State(float[][] points, Linkage linkage, Distance distance) {
      n = points.length;
      this.linkage = linkage;
      d = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          d[i][j] = d[j][i] = distance.between(points[i], points[j]);
        }
      }
      alive = new boolean[n];
      Arrays.fill(alive, true);
      size = new int[n];
      Arrays.fill(size, 1);
      id = new int[n];
      slotOfPoint = new int[n];
      for (int i = 0; i < n; i++) {
        id[i] = i;
        slotOfPoint[i] = i;
      }
      active = n;
    }

    void mergeClosest() {
      int bi = -1;
      int bj = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!alive[i]) {
          continue;
        }
        double[] di = d[i];
        for (int j = i + 1; j < n; j++) {
          if (alive[j] && (di[j] < best || bi < 0)) {
            best = di[j];
            bi = i;
            bj = j;
          }
        }
      }
      double dij = d[bi][bj];
      for (int k = 0; k < n; k++) {
        if (alive[k] && k != bi && k != bj) {
          double v = linkage.update(d[k][bi], d[k][bj], dij, size[bi], size[bj], size[k]);
          d[k][bi] = d[bi][k] = v;
        }
      }
      merges.add(
          new Merge(Math.min(id[bi], id[bj]), Math.max(id[bi], id[bj]), dij, size[bi] + size[bj]));
      for (int p = 0; p < n; p++) {
        if (slotOfPoint[p] == bj) {
          slotOfPoint[p] = bi;
        }
      }
      size[bi] += size[bj];
      id[bi] = n + merges.size() - 1;
      alive[bj] = false;
      active--;
    }

    int[] labels() {
      int[] labelOfSlot = new int[n];
      Arrays.fill(labelOfSlot, -1);
      int next = 0;
      int[] out = new int[n];
      for (int p = 0; p < n; p++) {
        int slot = slotOfPoint[p];
        if (labelOfSlot[slot] < 0) {
          labelOfSlot[slot] = next++;
        }
        out[p] = labelOfSlot[slot];
      }
      return out;
    }
  }
}
