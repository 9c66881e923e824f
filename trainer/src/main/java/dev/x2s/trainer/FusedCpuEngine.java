package dev.x2s.trainer;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import dev.x2s.trainer.kernel.Kernels;

/**
 * The CPU hot path of the student: the same step as {@link StudentModel#step} (every score taken from
 * the parameters at the start of the batch, row gradients summed over the batch, then one SGD or
 * SparseAdam update per touched row) but fused into plain loops over a heap {@code float[]}, because the
 * gather → GEMM → scatter chain of ND4J ops is memory-bound at ~10k targets/s on 2 cores (measured in
 * BENCHMARKS.md) while this reads and writes each touched row once.
 *
 * <p>Deterministic for a given thread count: phase 1 scores pairs in fixed chunks and sums the loss in
 * chunk order; phase 2 gives each thread the rows {@code row % threads == t} and applies their updates in
 * pair order, so no two threads write the same row and the order of additions is fixed.
 */
public final class FusedCpuEngine implements StepEngine {
  public enum Method {
    SGD,
    ADAM
  }

  private final Kernels kernels = Kernels.best();
  private final float[] u;
  private final int rows;
  private final int dim;
  private final Method method;
  private final double lr;
  private final int threads;
  private final ExecutorService pool;
  private final float[] m;
  private final float[] v;
  private final float[] scratch;
  /** Step at which each row was last updated by Adam (a row repeated in a batch is updated once). */
  private final long[] updatedAt;
  private long steps;
  private float[] coef = new float[0];

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
    this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "x2s-student");
      t.setDaemon(true);
      return t;
    });
    this.m = method == Method.ADAM ? new float[parameters.length] : null;
    this.v = method == Method.ADAM ? new float[parameters.length] : null;
    this.scratch = method == Method.ADAM ? new float[parameters.length] : null;
    this.updatedAt = method == Method.ADAM ? new long[rows] : null;
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
    int p = b.pairs();
    if (coef.length < p) {
      coef = new float[Math.max(p, coef.length * 2)];
    }
    int chunks = Math.min(p, threads * 4);
    double[] loss = new double[Math.max(1, chunks)];
    run(chunks, c -> scoreChunk(b, c, chunks, loss));
    double total = 0;
    for (double l : loss) {
      total += l;
    }
    steps++;
    if (method == Method.SGD) {
      float rate = (float) (lr * Math.max(1e-4, 1 - progress));
      run(threads, t -> applySgd(b, t, rate));
    } else {
      run(threads, t -> applyAdam(b, t));
    }
    return total;
  }

  private void scoreChunk(TrainingBatch b, int chunk, int chunks, double[] loss) {
    int p = b.pairs();
    int from = (int) ((long) p * chunk / chunks);
    int to = (int) ((long) p * (chunk + 1) / chunks);
    float[] c = b.contexts();
    double sum = 0;
    for (int i = from; i < to; i++) {
      float s = kernels.dot(u, b.pairRow()[i] * dim, c, b.pairSentence()[i] * dim, dim);
      boolean target = b.pairTarget()[i];
      sum += NegativeSamplingLoss.loss(s, target);
      coef[i] = NegativeSamplingLoss.gradient(s, target);
    }
    loss[chunk] = sum;
  }

  private void applySgd(TrainingBatch b, int t, float rate) {
    float[] c = b.contexts();
    for (int i = 0; i < b.pairs(); i++) {
      int row = b.pairRow()[i];
      if (row % threads != t || coef[i] == 0f) {
        continue;
      }
      kernels.axpy(-rate * coef[i], c, b.pairSentence()[i] * dim, u, row * dim, dim);
    }
  }

  private void applyAdam(TrainingBatch b, int t) {
    float[] c = b.contexts();
    // 1. sum the gradient of each owned row into scratch
    for (int i = 0; i < b.pairs(); i++) {
      int row = b.pairRow()[i];
      if (row % threads == t) {
        kernels.axpy(coef[i], c, b.pairSentence()[i] * dim, scratch, row * dim, dim);
      }
    }
    // 2. one update per owned touched row (torch.optim.SparseAdam maths), then clear its scratch
    double bc1 = 1 - Math.pow(0.9, steps);
    double bc2 = 1 - Math.pow(0.999, steps);
    float stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
    for (int i = 0; i < b.pairs(); i++) {
      int row = b.pairRow()[i];
      if (row % threads != t || updatedAt[row] == steps) {
        continue;
      }
      updatedAt[row] = steps;
      for (int k = row * dim, end = k + dim; k < end; k++) {
        float g = scratch[k];
        m[k] = 0.9f * m[k] + 0.1f * g;
        v[k] = 0.999f * v[k] + 0.001f * g * g;
        u[k] -= stepSize * m[k] / ((float) Math.sqrt(v[k]) + 1e-8f);
        scratch[k] = 0f;
      }
    }
  }

  private interface Task {
    void run(int index);
  }

  private void run(int n, Task task) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.run(i);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      final int index = i;
      fs.add(pool.submit(() -> task.run(index)));
    }
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
