package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VectorIndexTest {
  /**
   * Every block size (the kernel takes queries four at a time plus a remainder) and thread count
   * gives exactly the float dot product accumulated in k order.
   */
  @Test
  void scoresEqualSequentialDotProducts() {
    WordVectors v = TestVectors.random(8, 4100, 13);
    float[] m = v.matrix();
    for (int threads : new int[] {1, 3}) {
      VectorIndex idx = VectorIndex.of(v, 4097, threads);
      assertEquals(4097, idx.size());
      assertEquals(13, idx.dim());
      for (int count = 1; count <= 7; count++) {
        float[] q = java.util.Arrays.copyOfRange(m, 13 * 100, 13 * (100 + count));
        float[] out = new float[count * idx.size()];
        idx.scores(q, count, out);
        for (int qi = 0; qi < count; qi++) {
          for (int r = 0; r < idx.size(); r += 7) {
            float dot = 0;
            for (int k = 0; k < 13; k++) {
              dot += q[qi * 13 + k] * m[r * 13 + k];
            }
            assertEquals(dot, out[qi * idx.size() + r], 0f, "query " + qi + " row " + r);
          }
        }
      }
    }
  }
}
