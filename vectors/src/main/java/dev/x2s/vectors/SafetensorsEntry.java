package dev.x2s.vectors;

import java.util.Arrays;

/**
 * One tensor's header entry in a safetensors file.
 *
 * @param name tensor name as stored
 * @param dtype safetensors dtype ({@code F32}, {@code F16}, {@code BF16}, ...)
 * @param shape dimensions, outermost first
 * @param begin first byte of the tensor, relative to the start of the data area
 * @param end one past the last byte, relative to the start of the data area
 */
public record SafetensorsEntry(String name, String dtype, int[] shape, long begin, long end) {

  /** Number of elements (product of the shape; 1 for a scalar). */
  public long elements() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
  }
}
