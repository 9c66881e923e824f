package dev.x2s.evaluate.analogy;

/**
 * The first {@code n} rows of a row-major matrix, cut into chunks of {@link #CHUNK} rows and stored
 * transposed, one array per dimension and chunk, so that a chunk of dot products is a sum of axpys
 * over arrays that all share the loop index.
 *
 * <p>Why not {@code dev.x2s.vectors.VectorIndex}: its inner loop {@code acc[j] += a * tile[k*w + j]}
 * indexes the two arrays with different offsets, and JDK 17's C2 then does not vectorise it (measured
 * ≈ 5.5 GFLOP/s per core, the same with {@code -XX:-UseSuperWord}); with one array per dimension
 * and four dimensions per pass this kernel runs at ≈ 55 GFLOP/s per core on this machine.
 */
final class TiledMatrix {
  /** Rows per chunk (a power of two, so that a row's chunk is {@code row >> SHIFT}). */
  static final int SHIFT = 10;

  static final int CHUNK = 1 << SHIFT;

  private final int n;
  private final int dim;
  /** chunks[c][k][j] = value k of row c*CHUNK + j. */
  private final float[][][] chunks;

  TiledMatrix(float[] matrix, int dim, int n) {
    this.n = n;
    this.dim = dim;
    int count = (n + CHUNK - 1) >> SHIFT;
    chunks = new float[count][dim][];
    for (int c = 0; c < count; c++) {
      int start = c << SHIFT;
      int width = Math.min(CHUNK, n - start);
      float[][] cols = chunks[c];
      for (int k = 0; k < dim; k++) {
        cols[k] = new float[width];
      }
      for (int j = 0; j < width; j++) {
        int o = (start + j) * dim;
        for (int k = 0; k < dim; k++) {
          cols[k][j] = matrix[o + k];
        }
      }
    }
  }

  int size() {
    return n;
  }

  int dim() {
    return dim;
  }

  int chunkCount() {
    return chunks.length;
  }

  int width(int chunk) {
    return chunks[chunk][0].length;
  }

  /** {@code out[j] = query · row(chunk*CHUNK + j)} for every row of the chunk. */
  void scores(float[] query, int chunk, float[] out) {
    float[][] cols = chunks[chunk];
    int w = cols[0].length;
    java.util.Arrays.fill(out, 0, w, 0f);
    int k = 0;
    for (; k + 3 < dim; k += 4) {
      float a0 = query[k];
      float a1 = query[k + 1];
      float a2 = query[k + 2];
      float a3 = query[k + 3];
      float[] r0 = cols[k];
      float[] r1 = cols[k + 1];
      float[] r2 = cols[k + 2];
      float[] r3 = cols[k + 3];
      for (int j = 0; j < w; j++) {
        out[j] += a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
      }
    }
    for (; k < dim; k++) {
      float a = query[k];
      float[] r = cols[k];
      for (int j = 0; j < w; j++) {
        out[j] += a * r[j];
      }
    }
  }
}
