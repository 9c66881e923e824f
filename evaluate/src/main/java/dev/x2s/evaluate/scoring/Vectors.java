package dev.x2s.evaluate.scoring;

/** Small dense-vector helpers (double accumulation). */
public final class Vectors {
  private Vectors() {}

  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (double) a[k] * b[k];
    }
    return s;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    double na = dot(a, a);
    double nb = dot(b, b);
    return na == 0 || nb == 0 ? 0 : dot(a, b) / Math.sqrt(na * nb);
  }

  /** Scales {@code v} to unit length in place and returns it; a zero vector stays zero. */
  public static float[] normalize(float[] v) {
    double n = Math.sqrt(dot(v, v));
    if (n > 0) {
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) (v[k] / n);
      }
    }
    return v;
  }
}
