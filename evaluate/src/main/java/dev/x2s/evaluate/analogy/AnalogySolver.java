package dev.x2s.evaluate.analogy;

import dev.x2s.vectors.VectorIndex;
import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Answers {@code a : b :: c : ?} with 3CosAdd and 3CosMul over the first {@code n} unit vectors.
 *
 * <p>Speed: a question needs the cosines of a, b and c with every row of the search space. Benchmarks
 * reuse a few thousand query words over tens of thousands of questions, so each distinct word's
 * similarity row is computed once (batched through {@link VectorIndex#scores}) and kept in a bounded
 * cache while the questions that need it are answered. Questions are taken in order and cut into
 * groups whose words fit the cache; a group's missing rows are computed together, then its questions
 * are answered in parallel, each in one pass over its three rows for both objectives.
 */
public final class AnalogySolver {
  /** The ε of 3CosMul (Levy &amp; Goldberg 2014). */
  public static final float EPSILON = 0.001f;
  /** Term id standing for the supplied extra vector (the meanfill mean). */
  public static final int EXTRA = -1;

  private static final int CHUNK = 1024;
  private static final int QUERY_BLOCK = 16;

  private final float[] unit;
  private final int dim;
  private final int n;
  private final float[] extra;
  private final VectorIndex index;
  private final int slots;
  private final int threads;

  /**
   * @param unitVectors unit-normalised vectors; the first {@code searchLimit} rows are the search
   *     space
   * @param searchLimit N of the protocol (first N rows)
   * @param extra a unit vector that questions may use through the term {@link #EXTRA}, or null
   * @param cacheBytes memory budget for cached similarity rows (at least 3 rows are kept)
   * @param threads worker threads (≥ 1)
   */
  public AnalogySolver(
      WordVectors unitVectors, int searchLimit, float[] extra, long cacheBytes, int threads) {
    this.unit = unitVectors.matrix();
    this.dim = unitVectors.dim();
    this.n = Math.min(searchLimit, unitVectors.size());
    if (n < 1) {
      throw new IllegalArgumentException("empty search space");
    }
    if (extra != null && extra.length != dim) {
      throw new IllegalArgumentException("extra vector has dimension " + extra.length);
    }
    this.extra = extra;
    this.threads = Math.max(1, threads);
    this.index = VectorIndex.of(unitVectors, n, this.threads);
    long rows = cacheBytes / (4L * n);
    this.slots = (int) Math.max(3, Math.min(rows, Integer.MAX_VALUE / Math.max(1, n)));
  }

  /** Rows in the search space. */
  public int size() {
    return n;
  }

  /** The predictions of both objectives: row ids, or -1 for questions that were not solved. */
  public record Predictions(int[] cosAdd, int[] cosMul) {}

  /**
   * @param terms per question {@code {a, b, c}}: rows in the search space or {@link #EXTRA};
   *     a null entry means "do not solve"
   */
  public Predictions solve(int[][] terms) {
    int q = terms.length;
    int[] add = new int[q];
    int[] mul = new int[q];
    Arrays.fill(add, -1);
    Arrays.fill(mul, -1);
    for (int[] t : terms) {
      if (t != null) {
        for (int x : t) {
          if (x != EXTRA && (x < 0 || x >= n)) {
            throw new IllegalArgumentException("term " + x + " outside the search space");
          }
          if (x == EXTRA && extra == null) {
            throw new IllegalArgumentException("term EXTRA used without an extra vector");
          }
        }
      }
    }
    Cache cache = new Cache();
    ExecutorService pool = Executors.newFixedThreadPool(threads, AnalogySolver::daemon);
    try {
      int start = 0;
      while (start < q) {
        Set<Integer> words = new LinkedHashSet<>();
        List<Integer> group = new ArrayList<>();
        int i = start;
        for (; i < q; i++) {
          if (terms[i] == null) {
            continue;
          }
          int extraWords = 0;
          for (int x : terms[i]) {
            if (!words.contains(x)) {
              extraWords++;
            }
          }
          if (words.size() + extraWords > slots) {
            break;
          }
          for (int x : terms[i]) {
            words.add(x);
          }
          group.add(i);
        }
        start = i;
        if (group.isEmpty()) {
          continue;
        }
        cache.load(words);
        answer(group, terms, cache, add, mul, pool);
      }
    } finally {
      pool.shutdown();
    }
    return new Predictions(add, mul);
  }

  private void answer(
      List<Integer> group, int[][] terms, Cache cache, int[] add, int[] mul, ExecutorService pool) {
    List<Future<?>> parts = new ArrayList<>();
    int per = (group.size() + threads - 1) / threads;
    for (int w = 0; w < threads; w++) {
      int from = w * per;
      int to = Math.min(group.size(), from + per);
      if (from >= to) {
        break;
      }
      parts.add(
          pool.submit(
              () -> {
                float[] bufAdd = new float[CHUNK];
                float[] bufMul = new float[CHUNK];
                int[] best = new int[2];
                for (int k = from; k < to; k++) {
                  int qi = group.get(k);
                  int[] t = terms[qi];
                  best(
                      cache.row(t[0]), cache.row(t[1]), cache.row(t[2]), t, bufAdd, bufMul, best);
                  add[qi] = best[0];
                  mul[qi] = best[1];
                }
              }));
    }
    for (Future<?> f : parts) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * One pass over the similarity rows of a, b and c: the argmax of 3CosAdd and of 3CosMul, rows a, b
   * and c excluded, ties to the lower row. Chunks keep the arithmetic in vectorisable loops; a
   * chunk is searched for its first maximum only when it beats the best so far.
   */
  void best(float[] ra, float[] rb, float[] rc, int[] exclude, float[] bufAdd, float[] bufMul,
      int[] out) {
    float bestAdd = Float.NEGATIVE_INFINITY;
    float bestMul = Float.NEGATIVE_INFINITY;
    int argAdd = -1;
    int argMul = -1;
    for (int start = 0; start < n; start += CHUNK) {
      int len = Math.min(CHUNK, n - start);
      for (int j = 0; j < len; j++) {
        float a = ra[start + j];
        float b = rb[start + j];
        float c = rc[start + j];
        bufAdd[j] = b - a + c;
        bufMul[j] = ((b + 1f) * 0.5f) * ((c + 1f) * 0.5f) / ((a + 1f) * 0.5f + EPSILON);
      }
      for (int x : exclude) {
        if (x >= start && x < start + len) {
          bufAdd[x - start] = Float.NEGATIVE_INFINITY;
          bufMul[x - start] = Float.NEGATIVE_INFINITY;
        }
      }
      float mAdd = max(bufAdd, len);
      if (mAdd > bestAdd) {
        bestAdd = mAdd;
        argAdd = start + first(bufAdd, len, mAdd);
      }
      float mMul = max(bufMul, len);
      if (mMul > bestMul) {
        bestMul = mMul;
        argMul = start + first(bufMul, len, mMul);
      }
    }
    out[0] = argAdd;
    out[1] = argMul;
  }

  private static float max(float[] v, int len) {
    float m = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < len; j++) {
      m = Math.max(m, v[j]);
    }
    return m;
  }

  private static int first(float[] v, int len, float value) {
    for (int j = 0; j < len; j++) {
      if (v[j] == value) {
        return j;
      }
    }
    throw new IllegalStateException("maximum not found");
  }

  /** Similarity rows of query terms, at most {@code slots} at a time. */
  private final class Cache {
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> owner = new ArrayList<>();
    private final Map<Integer, Integer> slotOf = new HashMap<>();

    float[] row(int term) {
      return rows.get(slotOf.get(term));
    }

    /** Makes every term of {@code needed} (at most {@code slots}) resident. */
    void load(Set<Integer> needed) {
      List<Integer> missing = new ArrayList<>();
      for (int t : needed) {
        if (!slotOf.containsKey(t)) {
          missing.add(t);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      List<Integer> free = new ArrayList<>();
      for (int s = 0; s < owner.size(); s++) {
        if (!needed.contains(owner.get(s))) {
          free.add(s);
        }
      }
      int[] target = new int[missing.size()];
      for (int m = 0; m < missing.size(); m++) {
        int slot;
        if (m < free.size()) {
          slot = free.get(m);
          slotOf.remove(owner.get(slot));
        } else {
          slot = rows.size();
          rows.add(new float[n]);
          owner.add(null);
        }
        owner.set(slot, missing.get(m));
        slotOf.put(missing.get(m), slot);
        target[m] = slot;
      }
      int block = Math.min(QUERY_BLOCK, missing.size());
      float[] queries = new float[block * dim];
      float[] scores = new float[block * n];
      for (int from = 0; from < missing.size(); from += block) {
        int count = Math.min(block, missing.size() - from);
        for (int k = 0; k < count; k++) {
          int term = missing.get(from + k);
          if (term == EXTRA) {
            System.arraycopy(extra, 0, queries, k * dim, dim);
          } else {
            System.arraycopy(unit, term * dim, queries, k * dim, dim);
          }
        }
        index.scores(queries, count, scores);
        for (int k = 0; k < count; k++) {
          System.arraycopy(scores, k * n, rows.get(target[from + k]), 0, n);
        }
      }
    }
  }

  private static Thread daemon(Runnable r) {
    Thread th = new Thread(r, "x2s-analogy");
    th.setDaemon(true);
    return th;
  }
}
