package dev.x2s.vectors.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The façade's double-accumulating half, its zero-vector policy and Adam's constants, by hand. */
class VectorMathTest {

  @Test
  void handComputedDotsNormsAndCosines() {
    float[] a = {3, 4};
    float[] b = {4, 3};
    assertEquals(24, VectorMath.dotDouble(a, b));
    assertEquals(5, VectorMath.norm(a, 0, 2));
    assertEquals(24.0 / 25, VectorMath.cosine(a, b), 1e-15);
    assertEquals(1 / Math.sqrt(2), VectorMath.cosine(new float[] {1, 0}, new float[] {1, 1}), 1e-15);
    assertEquals(-1, VectorMath.cosine(new float[] {1, 2}, new float[] {-2, -4}), 1e-15);
    // offsets: rows 1 of two row-major 3-wide matrices, (1,2,2)·(2,0,1) = 4, norms 3 and √5
    float[] m = {9, 9, 9, 1, 2, 2};
    float[] n = {7, 2, 0, 1};
    assertEquals(4, VectorMath.dotDouble(m, 3, n, 1, 3));
    assertEquals(4 / (3 * Math.sqrt(5)), VectorMath.cosine(m, 3, n, 1, 3), 1e-15);
    assertEquals(4 / (3 * Math.sqrt(5)), VectorMath.cosine(m, 3, new double[] {2, 0, 1}, 3), 1e-15);
    assertEquals(4, VectorMath.dot(new double[] {0, 1, 2, 2}, 1, new double[] {2, 0, 1}, 0, 3));
    assertEquals(13, VectorMath.norm(new double[] {5, 12}));
  }

  @Test
  void doubleAccumulationKeepsWhatAFloatSumLoses() {
    // 2^24 + 1 is not a float: a float accumulator returns 2^24, the double one the exact sum
    float[] a = {1 << 24, 1};
    float[] ones = {1, 1};
    assertEquals((1 << 24) + 1.0, VectorMath.dotDouble(a, ones));
  }

  @Test
  void theCosineOfAZeroVectorIsZero() {
    float[] zero = {0, -0f, 0};
    float[] v = {1, 2, 3};
    assertEquals(0, VectorMath.cosine(zero, v));
    assertEquals(0, VectorMath.cosine(v, zero));
    assertEquals(0, VectorMath.cosine(zero, zero));
    assertEquals(0, VectorMath.cosine(v, 0, new double[3], 3));
    assertEquals(0, VectorMath.cosine(zero, 0, new double[] {1, 2, 3}, 3));
    assertTrue(VectorMath.isZero(zero, 0, 3));
    assertFalse(VectorMath.isZero(v, 0, 3));
    assertTrue(VectorMath.isZero(new float[] {5, 0, 0}, 1, 2));
    assertFalse(VectorMath.isZero(new float[] {Float.MIN_VALUE}, 0, 1)); // the smallest subnormal has a direction
    assertArrayEquals(zero, VectorMath.normalize(zero.clone()));
  }

  @Test
  void normalizeScalesByTheFloatInverseNorm() {
    float[] v = VectorMath.normalize(new float[] {3, 4});
    float inv = (float) (1 / 5.0);
    assertArrayEquals(new float[] {3 * inv, 4 * inv}, v);
    // into another array at offsets, the source untouched
    float[] src = {9, 0, 5, 12};
    float[] dst = new float[5];
    VectorMath.normalize(src, 2, dst, 3, 2);
    float inv13 = (float) (1 / 13.0);
    assertArrayEquals(new float[] {0, 0, 0, 5 * inv13, 12 * inv13}, dst);
    assertArrayEquals(new float[] {9, 0, 5, 12}, src);
    SplittableRandom rng = new SplittableRandom(3);
    float[] r = new float[300];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) rng.nextGaussian();
    }
    assertEquals(1, VectorMath.norm(VectorMath.normalize(r), 0, r.length), 1e-6);
  }

  @Test
  void arraysOfDifferentLengthsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> VectorMath.cosine(new float[2], new float[3]));
    assertThrows(IllegalArgumentException.class, () -> VectorMath.dot(new double[2], new double[1]));
  }

  @Test
  void floatKernelsAgreeWithTheDoubleAccumulation() {
    SplittableRandom rng = new SplittableRandom(11);
    float[] a = new float[771];
    float[] b = new float[771];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextGaussian();
      b[i] = (float) rng.nextGaussian();
    }
    assertEquals(VectorMath.dotDouble(a, b), VectorMath.dot(a, 0, b, 0, a.length), 1e-3);
  }

  @Test
  void adamConstantsAreTheFloatLiteralsOfTheKernelsAndTorch() {
    // the float kernels and ND4J's float arrays see these doubles cast to float: the same values as the literals
    assertEquals(0.9f, (float) Adam.BETA1);
    assertEquals(0.1f, (float) (1 - Adam.BETA1));
    assertEquals(0.999f, (float) Adam.BETA2);
    assertEquals(0.001f, (float) (1 - Adam.BETA2));
    assertEquals(1e-8f, (float) Adam.EPSILON);
    // t = 1: lr·√(1 − 0.999)/(1 − 0.9) = 0.1·√0.001/0.1 = √0.001
    assertEquals(Math.sqrt(0.001), Adam.stepSize(0.1, 1), 1e-15);
    // t = 2: 0.01·√(1 − 0.998001)/(1 − 0.81) = 0.01·0.04471017781/0.19
    assertEquals(0.01 * Math.sqrt(0.001999) / 0.19, Adam.stepSize(0.01, 2), 1e-15);
    // late steps: the corrections vanish and the step is lr
    assertEquals(0.5, Adam.stepSize(0.5, 100_000), 1e-12);
  }
}
