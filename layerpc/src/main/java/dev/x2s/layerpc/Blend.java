package dev.x2s.layerpc;

import dev.x2s.vectors.math.VectorMath;

/**
 * A word's shipped vector from its corpus vector and its vector alone (decontext), weighted by how many
 * occurrences the corpus vector rests on: {@code v = a·unit(pooled) + (1 − a)·unit(decontext)} with
 * {@code a = n / (n + κ)}. A word seen κ times gets both halves equally; a frequent word is nearly its
 * corpus vector; a word never seen is its decontext vector. {@code κ = 0} takes the corpus vector wherever
 * there is one ("fill", x2s's earlier fallback). Unit inputs keep either source from dominating by norm
 * alone (the two come from different inputs, and their norms need not be comparable).
 */
public final class Blend {
  private Blend() {}

  /**
   * @param pooled the corpus vector, or null when the word has none
   * @param occurrences how many corpus occurrences {@code pooled} rests on
   * @param decontext the word alone; may be null when {@code kappa == 0} and {@code pooled} is given (it has no
   *     weight then)
   * @param kappa occurrences at which both sources weigh equally ({@code >= 0})
   * @return a new vector (not unit length)
   */
  public static float[] of(float[] pooled, long occurrences, float[] decontext, double kappa) {
    if (kappa < 0) {
      throw new IllegalArgumentException("blend κ must be >= 0, not " + kappa);
    }
    double a = pooled == null ? 0 : kappa == 0 ? 1 : occurrences / (occurrences + kappa);
    if (decontext == null && a < 1) {
      throw new IllegalArgumentException("a blend with weight " + (1 - a) + " on the word alone needs that vector");
    }
    double np = pooled == null ? 0 : VectorMath.norm(pooled, 0, pooled.length);
    double nd = decontext == null ? 0 : VectorMath.norm(decontext, 0, decontext.length);
    float[] v = new float[pooled != null ? pooled.length : decontext.length];
    for (int d = 0; d < v.length; d++) {
      double x = 0;
      if (a > 0 && np > 0) {
        x += a * pooled[d] / np;
      }
      if (a < 1 && nd > 0) {
        x += (1 - a) * decontext[d] / nd;
      }
      v[d] = (float) x;
    }
    return v;
  }
}
