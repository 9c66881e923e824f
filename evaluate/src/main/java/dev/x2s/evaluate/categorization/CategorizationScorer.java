package dev.x2s.evaluate.categorization;

import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.Coverage;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.VectorSpace;
import dev.x2s.evaluate.data.CategorizationDataset;
import dev.x2s.evaluate.data.CategorizedWord;
import dev.x2s.vectors.cluster.KMeans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Categorization purity (docs/PROTOCOLS.md): the words' unit vectors are clustered into K = the
 * number of gold classes by every method of {@link #METHODS}; the best purity is reported with the
 * method that gave it (ties go to the earlier method).
 */
public final class CategorizationScorer {
  public static final String METRIC = "purity";
  public static final int KMEANS_RESTARTS = 10;
  public static final int KMEANS_ITERATIONS = 300;

  /** Method names in the order they are tried. */
  public static final List<String> METHODS =
      List.of(
          "ward-euclidean",
          "average-cosine",
          "average-euclidean",
          "complete-cosine",
          "complete-euclidean",
          "kmeans++");

  private CategorizationScorer() {}

  public static BenchmarkScore score(
      String benchmark, CategorizationDataset data, VectorSpace space, Protocol protocol) {
    Map<String, Integer> classIndex = new LinkedHashMap<>();
    for (String c : data.categories()) {
      classIndex.put(c, classIndex.size());
    }
    List<float[]> points = new ArrayList<>();
    List<Integer> gold = new ArrayList<>();
    int found = 0;
    for (CategorizedWord w : data.words()) {
      if (space.row(w.word()) >= 0) {
        found++;
      }
      float[] v = space.unitVector(w.word(), protocol);
      if (v != null) {
        points.add(v);
        gold.add(classIndex.get(w.category()));
      }
    }
    Coverage coverage =
        new Coverage(protocol == Protocol.SKIP ? points.size() : found, data.size(), "words");
    if (points.isEmpty()) {
      return new BenchmarkScore(benchmark, METRIC, Double.NaN, coverage);
    }
    float[][] x = points.toArray(new float[0][]);
    int[] classes = gold.stream().mapToInt(Integer::intValue).toArray();
    int k = Math.min(classIndex.size(), x.length);
    Map<String, Double> purity = purities(x, classes, k);
    String bestMethod = null;
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : purity.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        bestMethod = e.getKey();
      }
    }
    return new BenchmarkScore(benchmark, METRIC, best, coverage, bestMethod);
  }

  /** Purity of every method of {@link #METHODS}, in that order. */
  public static Map<String, Double> purities(float[][] x, int[] classes, int k) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(METHODS.get(0), agglomerative(x, classes, k, Linkage.WARD, Distance.EUCLIDEAN));
    out.put(METHODS.get(1), agglomerative(x, classes, k, Linkage.AVERAGE, Distance.COSINE));
    out.put(METHODS.get(2), agglomerative(x, classes, k, Linkage.AVERAGE, Distance.EUCLIDEAN));
    out.put(METHODS.get(3), agglomerative(x, classes, k, Linkage.COMPLETE, Distance.COSINE));
    out.put(METHODS.get(4), agglomerative(x, classes, k, Linkage.COMPLETE, Distance.EUCLIDEAN));
    KMeans.Result km = KMeans.best(x, k, KMEANS_RESTARTS, KMEANS_ITERATIONS);
    out.put(METHODS.get(5), Purity.of(km.labels(), classes));
    return out;
  }

  private static double agglomerative(
      float[][] x, int[] classes, int k, Linkage linkage, Distance distance) {
    return Purity.of(AgglomerativeClusterer.cluster(x, k, linkage, distance), classes);
  }
}
