package dev.x2s.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The first {@code n} rows of a vector set, prepared for batched dot products: {@code scores(Q)} is
 * {@code Q · Mᵀ} for a block of query vectors {@code Q}. Used by analogy solving and nearest
 * neighbours, where one query against 300k rows is the hot loop.
 *
 * <p>The matrix is kept transposed ({@code dim × n}) in tiles so that the inner loop is an axpy over
 * contiguous rows, which HotSpot vectorises (a float dot-product reduction is not vectorised, because
 * reordering float additions would change the result).
 */
public final class VectorIndex {
  private static final int TILE = 2048;

  private final int n;
  private final int dim;
  /** Tile t holds rows [t*TILE, min(n,(t+1)*TILE)) transposed: value (k, j) at k*width + j. */
  private final float[][] tiles;

  private final int threads;

  private VectorIndex(int n, int dim, float[][] tiles, int threads) {
    this.n = n;
    this.dim = dim;
    this.tiles = tiles;
    this.threads = threads;
  }

  /**
   * Indexes the first {@code limit} rows of {@code vectors} as they are (normalise first for cosine).
   */
  public static VectorIndex of(WordVectors vectors, int limit) {
    return of(vectors, limit, Runtime.getRuntime().availableProcessors());
  }

  public static VectorIndex of(WordVectors vectors, int limit, int threads) {
    int n = Math.min(limit, vectors.size());
    int dim = vectors.dim();
    float[] m = vectors.matrix();
    int count = (n + TILE - 1) / TILE;
    float[][] tiles = new float[count][];
    for (int t = 0; t < count; t++) {
      int start = t * TILE;
      int width = Math.min(TILE, n - start);
      float[] tile = new float[dim * width];
      for (int j = 0; j < width; j++) {
        int o = (start + j) * dim;
        for (int k = 0; k < dim; k++) {
          tile[k * width + j] = m[o + k];
        }
      }
      tiles[t] = tile;
    }
    return new VectorIndex(n, dim, tiles, Math.max(1, threads));
  }

  /** Number of indexed rows. */
  public int size() {
    return n;
  }

  public int dim() {
    return dim;
  }

  /**
   * Scores a block of queries against every indexed row.
   *
   * @param queries {@code count × dim}, row-major
   * @param count number of queries
   * @param out {@code count × size()}, row-major; {@code out[q*size()+j] = queries_q · row_j}
   */
  public void scores(float[] queries, int count, float[] out) {
    if (queries.length < count * dim || out.length < (long) count * n) {
      throw new IllegalArgumentException("queries or output too small");
    }
    if (threads == 1 || tiles.length == 1) {
      for (int t = 0; t < tiles.length; t++) {
        scoreTile(t, queries, count, out);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        final int worker = w;
        parts.add(
            pool.submit(
                () -> {
                  for (int t = worker; t < tiles.length; t += threads) {
                    scoreTile(t, queries, count, out);
                  }
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Scores all queries against tile {@code t}. Queries go four at a time so that every tile value
   * loaded feeds four multiply-adds (the tile streams from L2; this about halves the time), with a
   * single-query loop for the remainder. Each output is still the same sequence of float
   * operations per (query, row) as a plain dot product in k order.
   */
  private void scoreTile(int t, float[] queries, int count, float[] out) {
    float[] tile = tiles[t];
    int start = t * TILE;
    int width = tile.length / dim;
    float[] acc0 = new float[width];
    float[] acc1 = new float[width];
    float[] acc2 = new float[width];
    float[] acc3 = new float[width];
    int q = 0;
    for (; q + 4 <= count; q += 4) {
      java.util.Arrays.fill(acc0, 0f);
      java.util.Arrays.fill(acc1, 0f);
      java.util.Arrays.fill(acc2, 0f);
      java.util.Arrays.fill(acc3, 0f);
      int qo = q * dim;
      for (int k = 0; k < dim; k++) {
        float a0 = queries[qo + k];
        float a1 = queries[qo + dim + k];
        float a2 = queries[qo + 2 * dim + k];
        float a3 = queries[qo + 3 * dim + k];
        int ko = k * width;
        for (int j = 0; j < width; j++) {
          float v = tile[ko + j];
          acc0[j] += a0 * v;
          acc1[j] += a1 * v;
          acc2[j] += a2 * v;
          acc3[j] += a3 * v;
        }
      }
      System.arraycopy(acc0, 0, out, q * n + start, width);
      System.arraycopy(acc1, 0, out, (q + 1) * n + start, width);
      System.arraycopy(acc2, 0, out, (q + 2) * n + start, width);
      System.arraycopy(acc3, 0, out, (q + 3) * n + start, width);
    }
    for (; q < count; q++) {
      java.util.Arrays.fill(acc0, 0f);
      int qo = q * dim;
      for (int k = 0; k < dim; k++) {
        float a = queries[qo + k];
        int ko = k * width;
        for (int j = 0; j < width; j++) {
          acc0[j] += a * tile[ko + j];
        }
      }
      System.arraycopy(acc0, 0, out, q * n + start, width);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread th = new Thread(r, "x2s-score");
      th.setDaemon(true);
      return th;
    };
  }
}
