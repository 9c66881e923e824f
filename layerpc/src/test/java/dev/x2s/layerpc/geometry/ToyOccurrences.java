package dev.x2s.layerpc.geometry;

/**
 * The toy set used by the metric tests: 3 words × 3 occurrences in 2-D, one layer.
 *
 * <pre>
 *   word  occurrences (sentence:position → vector)
 *   a     0:0 → (1,0)   1:0 → (0,1)   2:0 → (1,1)
 *   b     0:1 → (1,0)   1:1 → (2,0)   2:1 → (−1,0)
 *   c     3:0 → (3,4)   4:0 → (4,3)   5:0 → (0,5)
 * </pre>
 */
final class ToyOccurrences {
  private ToyOccurrences() {}

  static final float[] A = {1, 0, 0, 1, 1, 1};
  static final float[] B = {1, 0, 2, 0, -1, 0};
  static final float[] C = {3, 4, 4, 3, 0, 5};

  static InMemoryOccurrences source(String name) {
    return InMemoryOccurrences.builder(name, 1, 2)
        .add("a", new float[][] {A}, new long[] {0, 1, 2}, new int[] {0, 0, 0})
        .add("b", new float[][] {B}, new long[] {0, 1, 2}, new int[] {1, 1, 1})
        .add("c", new float[][] {C}, new long[] {3, 4, 5}, new int[] {0, 0, 0})
        .build();
  }
}
