package dev.x2s.evaluate.categorization;

import dev.x2s.vectors.math.VectorMath;

/** Point-to-point dissimilarities for clustering. */
public enum Distance {
  EUCLIDEAN,
  /** 1 − cosine similarity ({@link VectorMath#cosine}: 1 when either vector is zero). */
  COSINE;

  public double between(float[] a, float[] b) {
    if (this == EUCLIDEAN) {
      double s = 0;
      for (int k = 0; k < a.length; k++) {
        double d = (double) a[k] - b[k];
        s += d * d;
      }
      return Math.sqrt(s);
    }
    return 1 - VectorMath.cosine(a, b);
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
