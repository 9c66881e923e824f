package dev.x2s.vectors.math;

/**
 * The two inner loops of the student's hot path. {@link #best()} picks SIMD kernels from the JDK's
 * Vector API when the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code x2s}
 * launcher and the trainer's tests do), else plain loops. The float dot product is the reason: HotSpot
 * does not vectorise a float reduction (it would reorder additions), and on this machine the Vector
 * API version is 4.5× faster on cache-resident rows and 1.75× on rows from memory (BENCHMARKS.md).
 */
public interface Kernels {
  /** {@code Σ a[ao+k]·b[bo+k]} for k < n. */
  float dot(float[] a, int ao, float[] b, int bo, int n);

  /** {@code y[yo+k] += alpha·x[xo+k]} for k < n. */
  void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

  /** {@code y[yo+k] += alpha·(beta·x[xo+k])} for k < n: an update whose gradient is a scaled row. */
  void scaledAxpy(float alpha, float beta, float[] x, int xo, float[] y, int yo, int n);

  /**
   * One row of {@code torch.optim.SparseAdam} (β = 0.9, 0.999; ε = 1e-8) with the gradient {@code
   * g = scale·x[xo..]}: {@code m = 0.9m + 0.1g}, {@code v = 0.999v + 0.001g²}, {@code u -= step·m/(√v +
   * ε)} over {@code n} elements at offset {@code o} of u, m and v.
   */
  void adam(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o, float step, int n);

  /** A short name for logs and provenance. */
  String name();

  /** The fastest kernels this JVM can run. */
  static Kernels best() {
    return Holder.BEST;
  }

  /** Lazily resolved so that the Vector API classes load only when the module is present. */
  final class Holder {
    static final Kernels BEST = choose();

    private Holder() {}

    private static Kernels choose() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("x2s.scalarKernels")) {
        try {
          return new VectorKernels();
        } catch (LinkageError e) {
          // fall through to the portable loops
        }
      }
      return new ScalarKernels();
    }
  }
}
