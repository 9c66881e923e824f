package dev.x2s.vectors.math;

/**
 * Every dot product, norm, cosine and row update of x2s, after Lucene's {@code VectorUtil}. Two families,
 * named apart because their results differ in the last bits:
 *
 * <ul>
 *   <li><b>Float kernels</b> ({@link #dot(float[], int, float[], int, int)}, {@link #axpy}, {@link
 *       #scaledAxpy}, {@link #sparseAdamRow}): the hot loops of the student and word2vec, float arithmetic,
 *       delegated to the implementation {@link KernelsProvider} picks at start-up (Vector API or plain
 *       loops, see {@link #implementation()}). Their summation order belongs to the implementation: a
 *       run is reproducible on one JVM setup, not across them (the Adam row excepted: it is bit-identical).
 *   <li><b>Double accumulation</b> ({@link #dotDouble}, {@link #dot(double[], int, double[], int, int)},
 *       {@link #norm}, {@link #cosine}, {@link #normalize}): products and sums in double, added in index
 *       order, one implementation on every machine — for evaluation (whose scores are cross-checked
 *       against Python), geometry, layer-PC and GloVe, whose results must not depend on the CPU.
 * </ul>
 *
 * <p><b>Zero vectors.</b> The cosine of a vector whose elements are all zero with anything is 0: a zero
 * vector is similar to nothing. Code for which such a pair has no cosine at all (the geometry metrics
 * skip it, as the released code's {@code nanmean}) asks {@link #isZero} first. {@link #normalize}
 * leaves a zero vector zero.
 */
public final class VectorMath {
  private static final Kernels KERNELS = KernelsProvider.INSTANCE;

  private VectorMath() {}

  /** The float kernels' implementation, e.g. {@code vector-256bit} or {@code scalar}, for logs. */
  public static String implementation() {
    return KERNELS.name();
  }

  // ---------------------------------------------------------------- float kernels

  /** {@code Σ a[ao+k]·b[bo+k]} for k < n, in float, in the implementation's order. */
  public static float dot(float[] a, int ao, float[] b, int bo, int n) {
    return KERNELS.dot(a, ao, b, bo, n);
  }

  /** {@code y[yo+k] += alpha·x[xo+k]} for k < n (the Vector API implementation fuses multiply and add). */
  public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    KERNELS.axpy(alpha, x, xo, y, yo, n);
  }

  /** {@code y[yo+k] += alpha·(beta·x[xo+k])} for k < n: an update whose gradient is a scaled row. */
  public static void scaledAxpy(float alpha, float beta, float[] x, int xo, float[] y, int yo, int n) {
    KERNELS.scaledAxpy(alpha, beta, x, xo, y, yo, n);
  }

  /**
   * One row of {@code torch.optim.SparseAdam} ({@link Adam}) with the gradient {@code g = scale·x[xo..]},
   * over {@code n} elements at offset {@code o} of the parameters u and the moments m and v: {@code m =
   * β₁m + (1−β₁)g}, {@code v = β₂v + (1−β₂)g²}, {@code u −= step·m/(√v + ε)}, in float, with {@code step}
   * from {@link Adam#stepSize}. Bit-identical in every implementation (no fused operations).
   */
  public static void sparseAdamRow(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o,
      float step, int n) {
    KERNELS.adam(scale, x, xo, u, m, v, o, step, n);
  }

  // ---------------------------------------------------------------- double accumulation

  /** {@code Σ a[ao+k]·b[bo+k]} for k < n, each product and sum in double, in index order. */
  public static double dotDouble(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += (double) a[ao + k] * b[bo + k];
    }
    return s;
  }

  /** {@link #dotDouble(float[], int, float[], int, int)} of two whole arrays of equal length. */
  public static double dotDouble(float[] a, float[] b) {
    return dotDouble(a, 0, b, 0, sameLength(a.length, b.length));
  }

  /** {@code Σ a[ao+k]·b[bo+k]} for k < n, in index order. */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += a[ao + k] * b[bo + k];
    }
    return s;
  }

  /** {@link #dot(double[], int, double[], int, int)} of two whole arrays of equal length. */
  public static double dot(double[] a, double[] b) {
    return dot(a, 0, b, 0, sameLength(a.length, b.length));
  }

  /** The L2 norm of {@code a[ao..ao+n)}, accumulated in double. */
  public static double norm(float[] a, int ao, int n) {
    return Math.sqrt(dotDouble(a, ao, a, ao, n));
  }

  /** The L2 norm of {@code a}. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Whether every element of {@code a[ao..ao+n)} is zero (of either sign): the vectors without a direction. */
  public static boolean isZero(float[] a, int ao, int n) {
    for (int k = 0; k < n; k++) {
      if (a[ao + k] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cosine of {@code a[ao..ao+n)} and {@code b[bo..bo+n)}, accumulated in double; 0 when either is
   * zero (see the class comment).
   */
  public static double cosine(float[] a, int ao, float[] b, int bo, int n) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < n; k++) {
      double x = a[ao + k];
      double y = b[bo + k];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return cosine(dot, na, nb);
  }

  /** {@link #cosine(float[], int, float[], int, int)} of two whole arrays of equal length. */
  public static double cosine(float[] a, float[] b) {
    return cosine(a, 0, b, 0, sameLength(a.length, b.length));
  }

  /** The cosine of the float row {@code a[ao..ao+n)} and the double vector {@code b[0..n)}; 0 when either is zero. */
  public static double cosine(float[] a, int ao, double[] b, int n) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < n; k++) {
      double x = a[ao + k];
      dot += x * b[k];
      na += x * x;
      nb += b[k] * b[k];
    }
    return cosine(dot, na, nb);
  }

  private static double cosine(double dot, double squaredNormA, double squaredNormB) {
    return squaredNormA == 0 || squaredNormB == 0 ? 0 : dot / Math.sqrt(squaredNormA * squaredNormB);
  }

  /**
   * Writes {@code src[so..so+n)} scaled to unit L2 norm into {@code dst[dO..dO+n)} (the same array and
   * offset normalise in place): each element times the float {@code 1/‖src‖}. A zero vector is copied
   * unchanged.
   */
  public static void normalize(float[] src, int so, float[] dst, int dO, int n) {
    double squared = dotDouble(src, so, src, so, n);
    if (!(squared > 0)) {
      System.arraycopy(src, so, dst, dO, n);
      return;
    }
    float inv = (float) (1 / Math.sqrt(squared));
    for (int k = 0; k < n; k++) {
      dst[dO + k] = src[so + k] * inv;
    }
  }

  /** {@code v} scaled to unit length in place (a zero vector stays zero); returns {@code v}. */
  public static float[] normalize(float[] v) {
    normalize(v, 0, v, 0, v.length);
    return v;
  }

  private static int sameLength(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("vectors of different lengths: " + a + " and " + b);
    }
    return a;
  }
}
