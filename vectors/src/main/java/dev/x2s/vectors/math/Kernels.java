package dev.x2s.vectors.math;

/**
 * The float row kernels behind {@link VectorMath}, implemented twice: {@link ScalarKernels} (plain loops)
 * and {@link VectorKernels} (JDK Vector API). {@link KernelsProvider} picks one at start-up. Only the
 * Adam row is bit-identical between the two; dot and axpy round differently (partial sums, fused
 * multiply-add), so a run's floats depend on the implementation it got.
 */
interface Kernels {
  /** {@code Σ a[ao+k]·b[bo+k]} for k < n. */
  float dot(float[] a, int ao, float[] b, int bo, int n);

  /** {@code y[yo+k] += alpha·x[xo+k]} for k < n. */
  void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

  /** {@code y[yo+k] += alpha·(beta·x[xo+k])} for k < n: an update whose gradient is a scaled row. */
  void scaledAxpy(float alpha, float beta, float[] x, int xo, float[] y, int yo, int n);

  /** {@link VectorMath#sparseAdamRow}. */
  void adam(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o, float step, int n);

  /** A short name for logs and provenance. */
  String name();
}
