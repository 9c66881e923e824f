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

  private void scoreTile(int t, float[] queries, int count, float[] out) {
    float[] tile = tiles[t];
    int start = t * TILE;
    int width = tile.length / dim;
    float[] acc = new float[width];
    for (int q = 0; q < count; q++) {
      java.util.Arrays.fill(acc, 0f);
      int qo = q * dim;
      for (int k = 0; k < dim; k++) {
        float a = queries[qo + k];
        int ko = k * width;
        for (int j = 0; j < width; j++) {
          acc[j] += a * tile[ko + j];
        }
      }
      System.arraycopy(acc, 0, out, q * n + start, width);
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
