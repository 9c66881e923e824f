package dev.x2s.x2static;

import dev.x2s.vectors.math.Adam;
import dev.x2s.vectors.math.VectorMath;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The student with a learned projection in front of the teacher's contexts: scores are {@code u_w · (W c)}
 * with W ({@code dim × contextDim}) trained jointly with the static rows u ({@code dim} wide), so the
 * student can be narrower than the teacher. Per step: P = C Wᵀ, one {@link FusedCpuEngine} step on P that
 * also returns ∂L/∂P, then {@code ∂L/∂W = (∂L/∂P)ᵀ C} and one dense update of W with the same optimiser
 * (Adam with the same β, ε and step count; or SGD with the same decaying rate).
 *
 * <p>Deterministic and independent of the thread count: each row of W is computed by one task, in a fixed
 * order of additions.
 */
public final class ProjectedEngine implements StepEngine {
  private final FusedCpuEngine rows;
  private final int dim;
  private final int contextDim;
  private final float[] w;
  private final float[] wm;
  private final float[] wv;
  private final FusedCpuEngine.Method method;
  private final double lr;
  private final int threads;
  private final Workers workers;
  /** A row of W's gradient per worker thread (reused: one row per output dimension and step). */
  private final ThreadLocal<float[]> wGradient;
  private float[] projected = new float[0];
  private float[] projectedGradient = new float[0];

  /**
   * @param rows the engine of the static rows, {@code dim} wide
   * @param projection W, row-major {@code dim × contextDim}
   */
  public ProjectedEngine(FusedCpuEngine rows, int dim, int contextDim, float[] projection,
      FusedCpuEngine.Method method, double lr, int threads) {
    if ((long) dim * contextDim != projection.length) {
      throw new IllegalArgumentException("projection is not " + dim + " × " + contextDim);
    }
    this.rows = rows;
    this.dim = dim;
    this.contextDim = contextDim;
    this.w = projection;
    this.method = method;
    this.lr = lr;
    this.wm = method == FusedCpuEngine.Method.ADAM ? new float[w.length] : null;
    this.wv = method == FusedCpuEngine.Method.ADAM ? new float[w.length] : null;
    this.threads = Math.max(1, threads);
    this.workers = new Workers(this.threads, "x2s-projection");
    this.wGradient = ThreadLocal.withInitial(() -> new float[contextDim]);
  }

  /** W ~ N(0, 1/contextDim), seeded: a projected context keeps about √(dim/contextDim) of the norm. */
  public static float[] initialProjection(int dim, int contextDim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x7072_6F6AL);
    float[] w = new float[dim * contextDim];
    double sd = 1 / Math.sqrt(contextDim);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rng.nextGaussian() * sd);
    }
    return w;
  }

  public float[] projection() {
    return w;
  }

  @Override
  public double step(TrainingBatch b, double progress) {
    if (b.dim() != contextDim) {
      throw new IllegalArgumentException("context width " + b.dim() + " differs from " + contextDim);
    }
    int n = b.sentences();
    if (projected.length < n * dim) {
      projected = new float[n * dim];
      projectedGradient = new float[n * dim];
    }
    float[] c = b.contexts();
    workers.forRange(n, s -> {
      for (int j = 0; j < dim; j++) {
        projected[s * dim + j] = (float) VectorMath.dotDouble(w, j * contextDim, c, s * contextDim, contextDim);
      }
    });
    TrainingBatch p = new TrainingBatch(projected, n, dim, b.pairSentence(), b.pairRow(), b.pairTarget(),
        b.pairs(), b.targets());
    double loss = rows.step(p, progress, projectedGradient);
    long step = rows.steps();
    float rate = (float) (lr * Math.max(1e-4, 1 - progress));
    float adamStep = (float) Adam.stepSize(lr, step);
    workers.forRange(dim, j -> {
      // plain float loops, not VectorMath.axpy (which fuses multiply-add when SIMD): W's gradient and SGD
      // step are the same on every machine, as its double-accumulated projection is
      float[] g = wGradient.get();
      Arrays.fill(g, 0f);
      for (int s = 0; s < n; s++) {
        float a = projectedGradient[s * dim + j];
        if (a != 0f) {
          for (int k = 0; k < contextDim; k++) {
            g[k] += a * c[s * contextDim + k];
          }
        }
      }
      int o = j * contextDim;
      if (method == FusedCpuEngine.Method.SGD) {
        for (int k = 0; k < contextDim; k++) {
          w[o + k] -= rate * g[k];
        }
      } else {
        VectorMath.sparseAdamRow(1f, g, 0, w, wm, wv, o, adamStep, contextDim);
      }
    });
    return loss;
  }

  @Override
  public float[] parameters() {
    return rows.parameters();
  }

  @Override
  public Map<String, float[]> optimizerState() {
    Map<String, float[]> m = new LinkedHashMap<>(rows.optimizerState());
    m.put("projection", w);
    if (wm != null) {
      m.put("projection_adam_m", wm);
      m.put("projection_adam_v", wv);
    }
    return m;
  }

  /** Restores W's optimiser moments (W itself is passed to the constructor). */
  public void restoreMoments(float[] m, float[] v) {
    if (wm != null) {
      System.arraycopy(m, 0, wm, 0, wm.length);
      System.arraycopy(v, 0, wv, 0, wv.length);
    }
  }

  @Override
  public long steps() {
    return rows.steps();
  }

  @Override
  public void close() {
    rows.close();
    workers.close();
  }
}
