package dev.x2s.vectors.math;

/** Portable loops: eight partial sums that C2 pipelines (it does not vectorise the reduction). */
final class ScalarKernels implements Kernels {
  // Adam's constants as floats: each cast gives the same float as the literal (0.9f, 0.1f, 0.999f, 0.001f, 1e-8f)
  static final float BETA1 = (float) Adam.BETA1;
  static final float ONE_MINUS_BETA1 = (float) (1 - Adam.BETA1);
  static final float BETA2 = (float) Adam.BETA2;
  static final float ONE_MINUS_BETA2 = (float) (1 - Adam.BETA2);
  static final float EPSILON = (float) Adam.EPSILON;

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      s0 += a[ao + k] * b[bo + k];
      s1 += a[ao + k + 1] * b[bo + k + 1];
      s2 += a[ao + k + 2] * b[bo + k + 2];
      s3 += a[ao + k + 3] * b[bo + k + 3];
      s4 += a[ao + k + 4] * b[bo + k + 4];
      s5 += a[ao + k + 5] * b[bo + k + 5];
      s6 += a[ao + k + 6] * b[bo + k + 6];
      s7 += a[ao + k + 7] * b[bo + k + 7];
    }
    for (; k < n; k++) {
      s0 += a[ao + k] * b[bo + k];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    for (int k = 0; k < n; k++) {
      y[yo + k] += alpha * x[xo + k];
    }
  }

  @Override
  public void scaledAxpy(float alpha, float beta, float[] x, int xo, float[] y, int yo, int n) {
    for (int k = 0; k < n; k++) {
      y[yo + k] += alpha * (beta * x[xo + k]);
    }
  }

  @Override
  public void adam(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o, float step, int n) {
    adamLoop(scale, x, xo, u, m, v, o, step, 0, n);
  }

  /** Elements {@code from..to-1} of {@link #adam}; also the tail of the SIMD kernel, so both round alike. */
  static void adamLoop(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o, float step, int from,
      int to) {
    for (int k = from; k < to; k++) {
      float gk = scale * x[xo + k];
      float mk = BETA1 * m[o + k] + ONE_MINUS_BETA1 * gk;
      float vk = BETA2 * v[o + k] + ONE_MINUS_BETA2 * gk * gk;
      m[o + k] = mk;
      v[o + k] = vk;
      u[o + k] -= step * mk / ((float) Math.sqrt(vk) + EPSILON);
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
