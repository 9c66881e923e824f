package dev.x2s.x2static;

import dev.x2s.vectors.math.Adam;
import dev.x2s.vectors.math.VectorMath;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The CPU hot path of the student: the same step as {@link StudentModel#step} (every score taken from
 * the parameters at the start of the batch, row gradients summed over the batch, then one SGD or
 * SparseAdam update per touched row) fused into plain loops over a heap {@code float[]}, because the
 * gather → GEMM → scatter chain of ND4J ops is memory-bound at ~10k targets/s on 2 cores (measured in
 * BENCHMARKS.md).
 *
 * <p>The step is row-major: the batch's pairs are grouped by student row ({@link RowGroups}), and each
 * touched row is read once, scored against the contexts of all its pairs while it sits in L1, its
 * gradient summed in a row-sized buffer and the update written once. The contexts of a batch stay in
 * L2, so memory traffic is one read and one write per distinct row (three of each with Adam's moments)
 * instead of three row transfers per pair.
 *
 * <p>Deterministic, and independent of the thread count: rows are cut into fixed chunks of {@value
 * #CHUNK_ROWS} distinct rows, each chunk's rows are updated independently of all others, and the loss is
 * summed per chunk in row order, then over chunks in order.
 */
public final class FusedCpuEngine implements StepEngine {
  public enum Method {
    SGD,
    ADAM
  }

  static final int CHUNK_ROWS = 128;
  /** Sentences per unit of the sentence-major scoring pass of {@link #step(TrainingBatch, double, float[])}. */
  static final int SENTENCE_CHUNK = 8;

  private final float[] u;
  private final int rows;
  private final int dim;
  private final Method method;
  private final double lr;
  private final int threads;
  private final Workers workers;
  /** A row-sized gradient buffer per worker thread. */
  private final ThreadLocal<float[]> gradients;
  private final float[] m;
  private final float[] v;
  private final RowGroups groups;
  private RowGroups sentenceGroups = new RowGroups(0);
  private float[] coef = new float[0];
  private long steps;

  public FusedCpuEngine(float[] parameters, int rows, int dim, Method method, double lr, int threads) {
    if ((long) rows * dim != parameters.length) {
      throw new IllegalArgumentException("parameters are not " + rows + " × " + dim);
    }
    this.u = parameters;
    this.rows = rows;
    this.dim = dim;
    this.method = method;
    this.lr = lr;
    this.threads = Math.max(1, threads);
    this.workers = new Workers(this.threads, "x2s-student");
    this.gradients = ThreadLocal.withInitial(() -> new float[dim]);
    this.m = method == Method.ADAM ? new float[parameters.length] : null;
    this.v = method == Method.ADAM ? new float[parameters.length] : null;
    this.groups = new RowGroups(rows);
  }

  /** Uniform(−1/d, 1/d) parameters, identical to {@link StudentModel#initialise}. */
  public static float[] initialParameters(int rows, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] data = new float[rows * dim];
    float bound = 1f / dim;
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
    }
    return data;
  }

  @Override
  public float[] parameters() {
    return u;
  }

  @Override
  public java.util.Map<String, float[]> optimizerState() {
    return m == null ? java.util.Map.of() : java.util.Map.of("adam_m", m, "adam_v", v);
  }

  @Override
  public long steps() {
    return steps;
  }

  /** Adam moments (null for SGD), for checkpoints. */
  public float[] adamM() {
    return m;
  }

  public float[] adamV() {
    return v;
  }

  public void restoreSteps(long steps) {
    this.steps = steps;
  }

  @Override
  public double step(TrainingBatch b, double progress) {
    if (b.dim() != dim) {
      throw new IllegalArgumentException("context width " + b.dim() + " differs from " + dim);
    }
    ensureCoefficients(b.pairs());
    groups.build(b.pairRow(), b.pairs());
    return updateRows(b, progress, false);
  }

  /**
   * Steps the optimiser and updates every distinct row of the batch, chunk by chunk; scores the pairs
   * (returning their loss) unless {@code scored}, when the coefficients of the last scoring pass are used.
   */
  private double updateRows(TrainingBatch b, double progress, boolean scored) {
    int chunks = (groups.count() + CHUNK_ROWS - 1) / CHUNK_ROWS;
    double[] loss = new double[chunks];
    steps++;
    float rate = (float) (lr * Math.max(1e-4, 1 - progress));
    float adamStep = (float) Adam.stepSize(lr, steps);
    workers.forEachUnit(chunks, c -> loss[c] = updateChunk(b, c, gradients.get(), rate, adamStep, scored));
    return sum(loss);
  }

  private void ensureCoefficients(int pairs) {
    if (coef.length < pairs) {
      coef = new float[Math.max(pairs, 2 * coef.length)];
    }
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  /**
   * A step that also returns the gradient of the loss with respect to each context row (for a learned
   * projection in front of the contexts): {@code contextGradient[s·dim..]} = Σ over sentence s's pairs of
   * coef·u_row, with u taken before the update. Two passes: sentence-major scoring (each sentence's
   * gradient summed in pair order, so deterministic) then the row-major update from the stored
   * coefficients. The updates equal those of {@link #step(TrainingBatch, double)}.
   */
  public double step(TrainingBatch b, double progress, float[] contextGradient) {
    if (b.dim() != dim) {
      throw new IllegalArgumentException("context width " + b.dim() + " differs from " + dim);
    }
    int p = b.pairs();
    ensureCoefficients(p);
    if (sentenceGroups.capacity() < b.sentences()) {
      sentenceGroups = new RowGroups(b.sentences());
    }
    sentenceGroups.build(b.pairSentence(), p);
    Arrays.fill(contextGradient, 0, b.sentences() * dim, 0f);
    int sentenceChunks = (sentenceGroups.count() + SENTENCE_CHUNK - 1) / SENTENCE_CHUNK;
    double[] loss = new double[sentenceChunks];
    workers.forEachUnit(sentenceChunks, c -> loss[c] = scoreSentences(b, c, contextGradient));
    groups.build(b.pairRow(), p);
    updateRows(b, progress, true);
    return sum(loss);
  }

  private double scoreSentences(TrainingBatch b, int chunk, float[] contextGradient) {
    float[] c = b.contexts();
    int[] pairRow = b.pairRow();
    boolean[] pairTarget = b.pairTarget();
    double sum = 0;
    for (int k = chunk * SENTENCE_CHUNK, end = Math.min(sentenceGroups.count(), k + SENTENCE_CHUNK); k < end; k++) {
      int ctx = sentenceGroups.row(k) * dim;
      for (int j = sentenceGroups.from(k), to = sentenceGroups.from(k + 1); j < to; j++) {
        int i = sentenceGroups.pair(j);
        int row = pairRow[i] * dim;
        float score = VectorMath.dot(u, row, c, ctx, dim);
        sum += NegativeSamplingLoss.loss(score, pairTarget[i]);
        coef[i] = NegativeSamplingLoss.gradient(score, pairTarget[i]);
        if (coef[i] != 0f) {
          VectorMath.axpy(coef[i], u, row, contextGradient, ctx, dim);
        }
      }
    }
    return sum;
  }

  /**
   * Updates the distinct rows of chunk c. Unless {@code scored}, first scores each row's pairs (u read once,
   * then in L1) and returns their loss; else uses the coefficients of the last scoring pass.
   */
  private double updateChunk(TrainingBatch b, int chunk, float[] gradient, float rate, float adamStep,
      boolean scored) {
    float[] c = b.contexts();
    int[] pairSentence = b.pairSentence();
    boolean[] pairTarget = b.pairTarget();
    double sum = 0;
    for (int k = chunk * CHUNK_ROWS, end = Math.min(groups.count(), k + CHUNK_ROWS); k < end; k++) {
      int row = groups.row(k) * dim;
      int from = groups.from(k);
      int to = groups.from(k + 1);
      if (!scored) {
        for (int j = from; j < to; j++) {
          int i = groups.pair(j);
          float s = VectorMath.dot(u, row, c, pairSentence[i] * dim, dim);
          sum += NegativeSamplingLoss.loss(s, pairTarget[i]);
          coef[i] = NegativeSamplingLoss.gradient(s, pairTarget[i]);
        }
      }
      if (to - from == 1) {
        // most rows have one pair: its gradient is coef·c, applied straight from the context row
        int i = groups.pair(from);
        apply(coef[i], c, pairSentence[i] * dim, row, rate, adamStep);
        continue;
      }
      Arrays.fill(gradient, 0f);
      for (int j = from; j < to; j++) {
        int i = groups.pair(j);
        if (coef[i] != 0f) {
          VectorMath.axpy(coef[i], c, pairSentence[i] * dim, gradient, 0, dim);
        }
      }
      apply(1f, gradient, 0, row, rate, adamStep);
    }
    return sum;
  }

  /** The update of the row at offset {@code row} with the gradient {@code scale·x[xo..]}. */
  private void apply(float scale, float[] x, int xo, int row, float rate, float adamStep) {
    if (method == Method.SGD) {
      VectorMath.scaledAxpy(-rate, scale, x, xo, u, row, dim);
    } else {
      VectorMath.sparseAdamRow(scale, x, xo, u, m, v, row, adamStep, dim);
    }
  }

  @Override
  public void close() {
    workers.close();
  }
}
