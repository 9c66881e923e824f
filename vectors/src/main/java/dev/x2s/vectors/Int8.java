package dev.x2s.vectors;

/**
 * Symmetric per-row int8 quantisation: {@code scale = max|v| / 127}, {@code q = round(v / scale)}
 * (half away from zero), {@code v ≈ q · scale}; the error per value is at most {@code scale / 2}
 * (plus float rounding). A zero row has scale 0 and decodes to zeros.
 */
final class Int8 {
  private Int8() {}

  static float scale(float[] m, int offset, int dim) {
    float max = 0;
    for (int k = 0; k < dim; k++) {
      max = Math.max(max, Math.abs(m[offset + k]));
    }
    return max / 127f;
  }

  static void quantize(float[] m, int offset, int dim, float scale, byte[] out) {
    if (scale == 0) {
      java.util.Arrays.fill(out, 0, dim, (byte) 0);
      return;
    }
    float inv = 1f / scale;
    for (int k = 0; k < dim; k++) {
      int q = Math.round(Math.abs(m[offset + k]) * inv);
      q = Math.min(q, 127);
      out[k] = (byte) (m[offset + k] < 0 ? -q : q);
    }
  }
}
