package dev.x2s.teachers.bert;

/**
 * A {@code [K, N]} weight quantized to symmetric int8 per output channel {@code n}: {@code W[k,n] ≈
 * values[k,n] * scales[n]}, {@code scales[n] = max_k |W[k,n]| / 127} (1 for an all-zero column).
 */
public record QuantizedWeights(byte[] values, float[] scales, int k, int n) {
  /** Refuses values and scales that cannot come from {@link #quantize}: a mismatched or corrupted weight. */
  public QuantizedWeights {
    if (k <= 0 || n <= 0 || values.length != (long) k * n || scales.length != n) {
      throw new IllegalArgumentException("quantized weight of " + values.length + " values and " + scales.length
          + " scales does not fit " + k + "×" + n);
    }
    for (int q = 0; q < n; q++) {
      if (!(scales[q] > 0) || !Float.isFinite(scales[q])) {
        throw new IllegalArgumentException("quantized weight: scale of column " + q + " is " + scales[q]);
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == Byte.MIN_VALUE) {
        throw new IllegalArgumentException("quantized weight: value -128 at row " + (i / n) + " column " + (i % n)
            + " (symmetric int8 uses -127..127)");
      }
    }
  }

  public static QuantizedWeights quantize(float[] w, int k, int n) {
    if (w.length != (long) k * n) {
      throw new IllegalArgumentException(w.length + " weights for " + k + "×" + n);
    }
    float[] scales = new float[n];
    for (int r = 0; r < k; r++) {
      for (int q = 0; q < n; q++) {
        float a = Math.abs(w[r * n + q]);
        scales[q] = Float.isNaN(a) ? Float.NaN : Math.max(scales[q], a);
      }
    }
    for (int q = 0; q < n; q++) {
      if (!Float.isFinite(scales[q])) {
        throw new IllegalArgumentException("column " + q + " holds a non-finite weight (NaN or infinity)");
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
