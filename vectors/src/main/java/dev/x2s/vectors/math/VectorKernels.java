package dev.x2s.vectors.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** SIMD kernels on the JDK Vector API (incubator in Java 17), widest species of the CPU. */
final class VectorKernels implements Kernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    FloatVector acc = FloatVector.zero(S);
    int lanes = S.length();
    int k = 0;
    for (; k + lanes <= n; k += lanes) {
      acc = FloatVector.fromArray(S, a, ao + k).fma(FloatVector.fromArray(S, b, bo + k), acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; k < n; k++) {
      s += a[ao + k] * b[bo + k];
    }
    return s;
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    FloatVector al = FloatVector.broadcast(S, alpha);
    int lanes = S.length();
    int k = 0;
    for (; k + lanes <= n; k += lanes) {
      FloatVector.fromArray(S, x, xo + k).fma(al, FloatVector.fromArray(S, y, yo + k))
          .intoArray(y, yo + k);
    }
    for (; k < n; k++) {
      y[yo + k] += alpha * x[xo + k];
    }
  }

  @Override
  public void scaledAxpy(float alpha, float beta, float[] x, int xo, float[] y, int yo, int n) {
    FloatVector al = FloatVector.broadcast(S, alpha);
    int lanes = S.length();
    int k = 0;
    for (; k + lanes <= n; k += lanes) {
      FloatVector.fromArray(S, x, xo + k).mul(beta).fma(al, FloatVector.fromArray(S, y, yo + k))
          .intoArray(y, yo + k);
    }
    for (; k < n; k++) {
      y[yo + k] += alpha * (beta * x[xo + k]);
    }
  }

  @Override
  public void adam(float scale, float[] x, int xo, float[] u, float[] m, float[] v, int o, float step, int n) {
    int lanes = S.length();
    int k = 0;
    for (; k + lanes <= n; k += lanes) {
      FloatVector gk = FloatVector.fromArray(S, x, xo + k).mul(scale);
      FloatVector mk = FloatVector.fromArray(S, m, o + k).mul(ScalarKernels.BETA1)
          .add(gk.mul(ScalarKernels.ONE_MINUS_BETA1));
      FloatVector vk = FloatVector.fromArray(S, v, o + k).mul(ScalarKernels.BETA2)
          .add(gk.mul(ScalarKernels.ONE_MINUS_BETA2).mul(gk));
      mk.intoArray(m, o + k);
      vk.intoArray(v, o + k);
      FloatVector uk = FloatVector.fromArray(S, u, o + k);
      uk.sub(mk.mul(step).div(vk.lanewise(VectorOperators.SQRT).add(ScalarKernels.EPSILON))).intoArray(u, o + k);
    }
    ScalarKernels.adamLoop(scale, x, xo, u, m, v, o, step, k, n);
  }

  @Override
  public String name() {
    return "vector-" + S.length() * 32 + "bit";
  }
}
