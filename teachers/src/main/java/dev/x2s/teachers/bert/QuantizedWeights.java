package dev.x2s.teachers.bert;

/**
 * A {@code [K, N]} weight quantized to symmetric int8 per output channel {@code n}: {@code W[k,n] ≈
 * values[k,n] * scales[n]}, {@code scales[n] = max_k |W[k,n]| / 127} (1 for an all-zero column).
 */
public record QuantizedWeights(byte[] values, float[] scales, int k, int n) {
  public static QuantizedWeights quantize(float[] w, int k, int n) {
    if (w.length != (long) k * n) {
      throw new IllegalArgumentException(w.length + " weights for " + k + "×" + n);
    }
    float[] scales = new float[n];
    for (int r = 0; r < k; r++) {
      for (int q = 0; q < n; q++) {
        scales[q] = Math.max(scales[q], Math.abs(w[r * n + q]));
      }
    }
    for (int q = 0; q < n; q++) {
      if (!Float.isFinite(scales[q])) {
        throw new IllegalArgumentException("column " + q + " holds a non-finite weight");
      }
      scales[q] = scales[q] == 0 ? 1f : scales[q] / 127f;
    }
    byte[] v = new byte[w.length];
    for (int r = 0; r < k; r++) {
      for (int q = 0; q < n; q++) {
        v[r * n + q] = (byte) Math.round(w[r * n + q] / scales[q]);
      }
    }
    return new QuantizedWeights(v, scales, k, n);
  }
}
