package dev.x2s.teachers;

import java.util.Locale;

/**
 * The arithmetic a teacher's linear layers run in (LayerNorm, softmax and GELU are always fp32). Part of
 * every cache key and provenance record that holds teacher output: vectors from one precision are never
 * reused for another.
 *
 * <ul>
 *   <li>{@link #FP32}: the reference;
 *   <li>{@link #BF16}: bfloat16 products (DJL PyTorch), only where the CPU has bf16 dot products;
 *   <li>{@link #INT8}: int8 weights (per output channel) and activations (per token, after SmoothQuant
 *       smoothing), int32 accumulation, on ONNX Runtime ({@code bert.BertOnnxGraph}).
 * </ul>
 */
public enum Precision {
  FP32, BF16, INT8;

  /** The lower-case name used in options, cache keys and provenance. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code fp32}, {@code bf16} or {@code int8} (any case). */
  public static Precision parse(String s) {
    for (Precision p : values()) {
      if (p.key().equalsIgnoreCase(s.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("precision must be fp32, bf16 or int8, not '" + s + "'");
  }
}
