package dev.x2s.evaluate.analogy;

import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Answers {@code a : b :: c : ?} with 3CosAdd and 3CosMul over the first {@code n} unit vectors
 * (docs/PROTOCOLS.md): the prediction is the row x ∉ {a, b, c} maximising
 * {@code cos(x,b) − cos(x,a) + cos(x,c)}, resp. {@code s(x,b)·s(x,c) / (s(x,a) + ε)} with
 * {@code s = (cos + 1) / 2}; ties go to the lower row.
 *
 * <p>Speed: a question needs the cosines of a, b and c with every row of the search space.
 * Benchmarks reuse a couple of thousand words over tens of thousands of questions, so each distinct
 * word's similarity row is computed once and kept in a bounded cache while the questions that need
 * it are answered. Questions are taken in order and cut into groups whose words fit the cache; a
 * group's missing rows are computed together, then the group is answered chunk by chunk of the
 * search space (threads take disjoint ranges of chunks), so that the rows' chunks the group reads
 * stay in cache while every question of the group consumes them, and both objectives come out of
 * one pass over each question's three rows.
 */
public final class AnalogySolver {
  /** The ε of 3CosMul (Levy &amp; Goldberg 2014). */
  public static final float EPSILON = 0.001f;
  /** Term id standing for the solver's extra vector (the meanfill mean). */
  public static final int EXTRA = -1;

  private final float[] unit;
  private final int dim;
  private final int n;
  private final float[] extra;
  private final TiledMatrix matrix;
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
    this.extra = extra == null ? null : extra.clone();
    this.threads = Math.max(1, threads);
    this.matrix = new TiledMatrix(unit, dim, n);
    this.slots = (int) Math.max(3, Math.min(cacheBytes / (4L * n), Integer.MAX_VALUE));
  }

  /** Rows in the search space. */
  public int size() {
    return n;
  }

  /** Similarity rows the cache holds at most. */
  public int cacheRows() {
    return slots;
  }

  /**
   * The predictions of both objectives (row ids, or -1 for questions that were not solved) and
   * what it took: groups of questions, similarity rows computed, and the wall time spent computing
   * rows and answering questions.
   */
  public record Predictions(
      int[] cosAdd, int[] cosMul, int groups, int rowsComputed, long rowNanos, long answerNanos) {}

  /**
   * @param terms per question {@code {a, b, c}}: rows in the search space or {@link #EXTRA}; a
   *     null entry means "do not solve"
   */
  public Predictions solve(int[][] terms) {
    int q = terms.length;
    for (int[] t : terms) {
      if (t == null) {
        continue;
      }
      if (t.length != 3) {
        throw new IllegalArgumentException("a question has 3 terms, got " + t.length);
      }
      for (int x : t) {
        if (x == EXTRA ? extra == null : x < 0 || x >= n) {
          throw new IllegalArgumentException("term " + x + " outside the search space");
        }
      }
    }
    int[] add = new int[q];
    int[] mul = new int[q];
    Arrays.fill(add, -1);
    Arrays.fill(mul, -1);
    Cache cache = new Cache();
    int groups = 0;
    long rowNanos = 0;
    long answerNanos = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, AnalogySolver::daemon);
    try {
      int i = 0;
      while (i < q) {
        Set<Integer> words = new LinkedHashSet<>();
        List<Integer> group = new ArrayList<>();
        for (; i < q; i++) {
          if (terms[i] == null) {
            continue;
          }
          int fresh = 0;
          for (int x : terms[i]) {
            fresh += words.contains(x) ? 0 : 1;
          }
          if (words.size() + fresh > slots) {
            break;
          }
          for (int x : terms[i]) {
            words.add(x);
          }
          group.add(i);
        }
        if (!group.isEmpty()) {
          groups++;
          long t0 = System.nanoTime();
          cache.load(words, pool);
          long t1 = System.nanoTime();
          answer(group, terms, cache, add, mul, pool);
          rowNanos += t1 - t0;
          answerNanos += System.nanoTime() - t1;
        }
      }
    } finally {
      pool.shutdown();
    }
    return new Predictions(add, mul, groups, cache.computed, rowNanos, answerNanos);
  }

  /** Best value and row of each objective for each question of a group, over a chunk range. */
  private static final class Best {
    final float[] addValue;
    final int[] addRow;
    final float[] mulValue;
    final int[] mulRow;

    Best(int size) {
      addValue = new float[size];
      mulValue = new float[size];
      addRow = new int[size];
      mulRow = new int[size];
      Arrays.fill(addValue, Float.NEGATIVE_INFINITY);
      Arrays.fill(mulValue, Float.NEGATIVE_INFINITY);
      Arrays.fill(addRow, -1);
      Arrays.fill(mulRow, -1);
    }
  }

  private void answer(
      List<Integer> group, int[][] terms, Cache cache, int[] add, int[] mul, ExecutorService pool) {
    int g = group.size();
    float[][][] ra = new float[g][][];
    float[][][] rb = new float[g][][];
    float[][][] rc = new float[g][][];
    int[][] exclude = new int[g][];
    for (int k = 0; k < g; k++) {
      int[] t = terms[group.get(k)];
      ra[k] = cache.row(t[0]);
      rb[k] = cache.row(t[1]);
      rc[k] = cache.row(t[2]);
      exclude[k] = t;
    }
    int chunks = matrix.chunkCount();
    int parts = Math.min(threads, chunks);
    List<Callable<Best>> work = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) chunks * p / parts);
      int to = (int) ((long) chunks * (p + 1) / parts);
      work.add(() -> scan(from, to, ra, rb, rc, exclude));
    }
    List<Best> bests = runAll(pool, work);
    // Ranges ascend with p, so on equal values the earlier part holds the lower row.
    for (int k = 0; k < g; k++) {
      float bestAdd = Float.NEGATIVE_INFINITY;
      float bestMul = Float.NEGATIVE_INFINITY;
      int argAdd = -1;
      int argMul = -1;
      for (Best b : bests) {
        if (b.addRow[k] >= 0 && (argAdd < 0 || b.addValue[k] > bestAdd)) {
          bestAdd = b.addValue[k];
          argAdd = b.addRow[k];
        }
        if (b.mulRow[k] >= 0 && (argMul < 0 || b.mulValue[k] > bestMul)) {
          bestMul = b.mulValue[k];
          argMul = b.mulRow[k];
        }
      }
      add[group.get(k)] = argAdd;
      mul[group.get(k)] = argMul;
    }
  }

  /** Chunks folded into one running maximum before the (scalar) threshold test. */
  private static final int FOLD = 4;

  /**
   * Both objectives for every question of the group over chunks [from, to). Per question and block
   * of {@link #FOLD} chunks the values are computed and folded into element-wise maxima (all
   * vectorised); only when a maximum beats the best so far is the block searched chunk by chunk,
   * in row order, for the first best row. Each threshold test is a scalar loop, so folding cuts
   * their number by FOLD.
   */
  private Best scan(
      int from, int to, float[][][] ra, float[][][] rb, float[][][] rc, int[][] exclude) {
    int g = ra.length;
    Best best = new Best(g);
    float[] bufAdd = new float[TiledMatrix.CHUNK];
    float[] bufMul = new float[TiledMatrix.CHUNK];
    float[] maxAdd = new float[TiledMatrix.CHUNK];
    float[] maxMul = new float[TiledMatrix.CHUNK];
    for (int c0 = from; c0 < to; c0 += FOLD) {
      int c1 = Math.min(c0 + FOLD, to);
      for (int k = 0; k < g; k++) {
        Arrays.fill(maxAdd, Float.NEGATIVE_INFINITY);
        Arrays.fill(maxMul, Float.NEGATIVE_INFINITY);
        for (int c = c0; c < c1; c++) {
          int w = chunkValues(c, ra[k], rb[k], rc[k], exclude[k], bufAdd, bufMul);
          foldMax(maxAdd, bufAdd, w);
          foldMax(maxMul, bufMul, w);
        }
        boolean add = firstAbove(maxAdd, TiledMatrix.CHUNK, best.addValue[k]) >= 0;
        boolean mul = firstAbove(maxMul, TiledMatrix.CHUNK, best.mulValue[k]) >= 0;
        if (!add && !mul) {
          continue;
        }
        for (int c = c0; c < c1; c++) {
          int w = chunkValues(c, ra[k], rb[k], rc[k], exclude[k], bufAdd, bufMul);
          int start = c << TiledMatrix.SHIFT;
          int j = add ? firstAbove(bufAdd, w, best.addValue[k]) : -1;
          if (j >= 0) {
            j = argmax(bufAdd, w, j);
            best.addValue[k] = bufAdd[j];
            best.addRow[k] = start + j;
          }
          j = mul ? firstAbove(bufMul, w, best.mulValue[k]) : -1;
          if (j >= 0) {
            j = argmax(bufMul, w, j);
            best.mulValue[k] = bufMul[j];
            best.mulRow[k] = start + j;
          }
        }
      }
    }
    return best;
  }

  /** Values of chunk c with the question's own rows set to −∞; returns the chunk width. */
  private int chunkValues(
      int c, float[][] a, float[][] b, float[][] cc, int[] exclude, float[] add, float[] mul) {
    int w = matrix.width(c);
    values(a[c], b[c], cc[c], w, add, mul);
    int start = c << TiledMatrix.SHIFT;
    for (int x : exclude) {
      if (x >= start && x < start + w) {
        add[x - start] = Float.NEGATIVE_INFINITY;
        mul[x - start] = Float.NEGATIVE_INFINITY;
      }
    }
    return w;
  }

  private static void foldMax(float[] max, float[] v, int w) {
    for (int j = 0; j < w; j++) {
      max[j] = Math.max(max[j], v[j]);
    }
  }

  /**
   * 3CosAdd and 3CosMul of one chunk. Two loops on purpose: JDK 17's C2 vectorises each (every
   * array shares the index) but not one loop storing into two arrays (measured 0.15 vs 1.35 ns per
   * row).
   */
  static void values(float[] a, float[] b, float[] c, int w, float[] add, float[] mul) {
    for (int j = 0; j < w; j++) {
      add[j] = b[j] - a[j] + c[j];
    }
    for (int j = 0; j < w; j++) {
      mul[j] = ((b[j] + 1f) * 0.5f) * ((c[j] + 1f) * 0.5f) / ((a[j] + 1f) * 0.5f + EPSILON);
    }
  }

  /** The first index whose value exceeds {@code threshold}, or -1. */
  private static int firstAbove(float[] v, int w, float threshold) {
    for (int j = 0; j < w; j++) {
      if (v[j] > threshold) {
        return j;
      }
    }
    return -1;
  }

  /** The first index of the maximum of v[from..w). */
  private static int argmax(float[] v, int w, int from) {
    int arg = from;
    float m = v[from];
    for (int j = from + 1; j < w; j++) {
      if (v[j] > m) {
        m = v[j];
        arg = j;
      }
    }
    return arg;
  }

  /** Similarity rows (one array per chunk) of query terms, at most {@code slots} at a time. */
  private final class Cache {
    private final List<float[][]> rows = new ArrayList<>();
    private final List<Integer> owner = new ArrayList<>();
    private final Map<Integer, Integer> slotOf = new HashMap<>();
    int computed;

    float[][] row(int term) {
      return rows.get(slotOf.get(term));
    }

    /** Makes every term of {@code needed} (at most {@code slots}) resident. */
    void load(Set<Integer> needed, ExecutorService pool) {
      List<Integer> missing = new ArrayList<>();
      for (int t : needed) {
        if (!slotOf.containsKey(t)) {
          missing.add(t);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      computed += missing.size();
      List<Integer> free = new ArrayList<>();
      for (int s = 0; s < owner.size(); s++) {
        if (!needed.contains(owner.get(s))) {
          free.add(s);
        }
      }
      float[][] queries = new float[missing.size()][];
      float[][][] targets = new float[missing.size()][][];
      for (int m = 0; m < missing.size(); m++) {
        int slot;
        if (m < free.size()) {
          slot = free.get(m);
          slotOf.remove(owner.get(slot));
        } else {
          slot = rows.size();
          float[][] row = new float[matrix.chunkCount()][];
          for (int c = 0; c < row.length; c++) {
            row[c] = new float[matrix.width(c)];
          }
          rows.add(row);
          owner.add(null);
        }
        int term = missing.get(m);
        owner.set(slot, term);
        slotOf.put(term, slot);
        targets[m] = rows.get(slot);
        queries[m] = term == EXTRA ? extra : Arrays.copyOfRange(unit, term * dim, term * dim + dim);
      }
      // Chunk-major, so that a chunk of the matrix is read once from memory for all queries.
      int chunks = matrix.chunkCount();
      int parts = Math.min(threads, chunks);
      List<Callable<Best>> work = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) chunks * p / parts);
        int to = (int) ((long) chunks * (p + 1) / parts);
        work.add(
            () -> {
              for (int c = from; c < to; c++) {
                for (int m = 0; m < queries.length; m++) {
                  matrix.scores(queries[m], c, targets[m][c]);
                }
              }
              return null;
            });
      }
      runAll(pool, work);
    }
  }

  private static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> work) {
    List<T> out = new ArrayList<>();
    try {
      List<Future<T>> futures = pool.invokeAll(work);
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  private static Thread daemon(Runnable r) {
    Thread th = new Thread(r, "x2s-analogy");
    th.setDaemon(true);
    return th;
  }
}
