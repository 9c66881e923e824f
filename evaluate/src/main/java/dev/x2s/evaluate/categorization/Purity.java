package dev.x2s.evaluate.categorization;

import java.util.HashMap;
import java.util.Map;

/** Cluster purity: (1/N) Σ_clusters max_class |cluster ∩ class|. */
public final class Purity {
  private Purity() {}

  /**
   * @param clusters cluster label of each item
   * @param classes gold class label of each item
   */
  public static double of(int[] clusters, int[] classes) {
    if (clusters.length != classes.length) {
      throw new IllegalArgumentException(clusters.length + " cluster labels, " + classes.length
          + " class labels");
    }
    if (clusters.length == 0) {
      return Double.NaN;
    }
    Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
    for (int i = 0; i < clusters.length; i++) {
      counts.computeIfAbsent(clusters[i], c -> new HashMap<>()).merge(classes[i], 1, Integer::sum);
    }
    int sum = 0;
    for (Map<Integer, Integer> byClass : counts.values()) {
      sum += byClass.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    return (double) sum / clusters.length;
  }
}
