package dev.x2s.vectors;

import dev.x2s.vectors.math.VectorMath;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact top-k nearest neighbours by cosine over every row of a vector set. Rows are normalised once
 * into a {@link VectorIndex}; queries are scored in blocks (multi-threaded over row tiles) and each
 * query keeps its best k in a small min-heap (multi-threaded over queries), so no full sort.
 * Results are ordered by decreasing cosine, ties by increasing row.
 */
public final class NearestNeighbors {
  /** Score buffer budget per block of queries, in floats. */
  private static final int BLOCK_FLOATS = 16 << 20;

  private final WordVectors vectors;
  private final VectorIndex index;

  private NearestNeighbors(WordVectors vectors, VectorIndex index) {
    this.vectors = vectors;
    this.index = index;
  }

  /** Indexes all rows of {@code vectors} (unit-normalised copies) using all processors. */
  public static NearestNeighbors of(WordVectors vectors) {
    return of(vectors, Runtime.getRuntime().availableProcessors());
  }

  public static NearestNeighbors of(WordVectors vectors, int threads) {
    return new NearestNeighbors(
        vectors, VectorIndex.of(vectors.normalized(), vectors.size(), threads));
  }

  public int size() {
    return index.size();
  }

  /** The {@code k} nearest words to {@code word}, excluding itself; empty when it is unknown. */
  public List<Neighbor> nearest(String word, int k) {
    int row = vectors.indexOf(word);
    if (row < 0) {
      return List.of();
    }
    return Arrays.asList(search(vectors.vector(row), 1, k, new int[][] {{row}})[0]);
  }

  /** The {@code k} nearest rows to {@code query} (any vector of the right dimension). */
  public List<Neighbor> nearest(float[] query, int k, int... exclude) {
    return Arrays.asList(search(query, 1, k, new int[][] {exclude})[0]);
  }

  /**
   * Batch search.
   *
   * @param queries {@code count × dim} row-major; need not be normalised (zero queries score 0)
   * @param count number of queries
   * @param k neighbours per query (fewer when the set is smaller)
   * @param exclude per query the rows to leave out (e.g. the query words), or null; entries may be
   *     null
   * @return per query its neighbours, best first
   */
  public Neighbor[][] search(float[] queries, int count, int k, int[][] exclude) {
    int dim = index.dim();
    int n = index.size();
    if (queries.length < count * dim) {
      throw new IllegalArgumentException("queries shorter than count × dim");
    }
    if (exclude != null && exclude.length < count) {
      throw new IllegalArgumentException("exclude has fewer entries than queries");
    }
    Neighbor[][] result = new Neighbor[count][];
    if (n == 0 || k <= 0) {
      for (int q = 0; q < count; q++) {
        result[q] = new Neighbor[0];
      }
      return result;
    }
    int block = Math.max(1, Math.min(count, BLOCK_FLOATS / n));
    float[] scores = new float[block * n];
    float[] unit = new float[block * dim];
    for (int q0 = 0; q0 < count; q0 += block) {
      int b = Math.min(block, count - q0);
      for (int q = 0; q < b; q++) {
        VectorMath.normalize(queries, (q0 + q) * dim, unit, q * dim, dim);
      }
      index.scores(unit, b, scores);
      final int start = q0;
      IntStream.range(0, b)
          .parallel()
          .forEach(
              q -> {
                int[] ex = exclude == null ? null : exclude[start + q];
                result[start + q] = select(scores, q * n, n, k, ex);
              });
    }
    return result;
  }

  /** Top-k of {@code scores[off, off+n)} with a min-heap on (score, -row). */
  private Neighbor[] select(float[] scores, int off, int n, int k, int[] exclude) {
    int cap = Math.min(k, n);
    float[] hs = new float[cap];
    int[] hr = new int[cap];
    int size = 0;
    for (int j = 0; j < n; j++) {
      float s = scores[off + j];
      if (size == cap && !(s > hs[0])) {
        continue; // not better than the worst kept (equal scores: the earlier row wins)
      }
      if (exclude != null && contains(exclude, j)) {
        continue;
      }
      if (size < cap) {
        hs[size] = s;
        hr[size] = j;
        siftUp(hs, hr, size++);
      } else {
        hs[0] = s;
        hr[0] = j;
        siftDown(hs, hr, size);
      }
    }
    // Pop the heap into descending order.
    Neighbor[] out = new Neighbor[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = new Neighbor(hr[0], vectors.word(hr[0]), hs[0]);
      hs[0] = hs[i];
      hr[0] = hr[i];
      siftDown(hs, hr, i);
    }
    return out;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** Heap order: the root is the worst entry, i.e. lowest score, and among equal scores the highest row. */
  private static boolean worse(float[] hs, int[] hr, int a, int b) {
    return hs[a] < hs[b] || (hs[a] == hs[b] && hr[a] > hr[b]);
  }

  private static void siftUp(float[] hs, int[] hr, int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worse(hs, hr, i, p)) {
        break;
      }
      swap(hs, hr, i, p);
      i = p;
    }
  }

  private static void siftDown(float[] hs, int[] hr, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int m = l + 1 < size && worse(hs, hr, l + 1, l) ? l + 1 : l;
      if (!worse(hs, hr, m, i)) {
        return;
      }
      swap(hs, hr, i, m);
      i = m;
    }
  }

  private static void swap(float[] hs, int[] hr, int a, int b) {
    float s = hs[a];
    hs[a] = hs[b];
    hs[b] = s;
    int r = hr[a];
    hr[a] = hr[b];
    hr[b] = r;
  }
}
