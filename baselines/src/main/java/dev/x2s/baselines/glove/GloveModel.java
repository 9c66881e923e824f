package dev.x2s.baselines.glove;

import dev.x2s.vectors.math.VectorMath;
import java.util.SplittableRandom;

/**
 * GloVe's parameters and its AdaGrad step, following {@code glove.c} of {@code stanfordnlp/GloVe} (the
 * version with gradient clipping): word vectors w_i and context vectors w̃_j with biases b_i, b̃_j, all in
 * one {@code double} array laid out as in the C code — 2V rows of (dim + 1) values, bias last, context
 * rows after the V word rows — and an AdaGrad accumulator of the same shape initialised to 1.
 *
 * <p>One step on a record (i, j, X): diff = w_i·w̃_j + b_i + b̃_j − log X; fdiff = f(X)·diff with
 * f(X) = (X/x_max)^α below x_max, else 1; cost = ½·fdiff·diff. For each component, the scaled gradients
 * g = clip(fdiff·w̃_j[b]) · eta and g̃ = clip(fdiff·w_i[b]) · eta give updates g/√G and g̃/√G̃ (G, G̃ the
 * accumulators before this step), and G += g², G̃ += g̃²; the vector updates are applied only if their sums
 * are finite. The biases move by fdiff/√G_b (G_b += fdiff²) — without eta and without clipping, exactly
 * as in the C code (a quirk discussed in stanfordnlp/GloVe pull request 209, which the maintainers did not
 * merge because it made their vectors worse). Records whose diff is not finite are skipped, as in C.
 *
 * <p>Several threads may call {@link #step} at once without locking ("Hogwild"), as the C code does.
 */
final class GloveModel {
  private final int vocab;
  private final int dim;
  private final int stride;
  private final double[] w;
  private final double[] gradsq;
  private final double xMax;
  private final double alpha;
  private final double eta;
  private final double clip;

  /** Random initialisation as in C: every value (bias included) uniform in [-0.5, 0.5) / dim. */
  GloveModel(int vocab, GloveOptions o) {
    this(vocab, o, initial(vocab, o.dim(), o.seed()));
  }

  /** With the given parameters (layout as described above); the accumulators start at 1. */
  GloveModel(int vocab, GloveOptions o, double[] parameters) {
    this.vocab = vocab;
    this.dim = o.dim();
    this.stride = dim + 1;
    if (parameters.length != 2L * vocab * stride) {
      throw new IllegalArgumentException("GloVe parameters: expected 2 × " + vocab + " × " + stride
          + " values, got " + parameters.length);
    }
    this.w = parameters;
    this.gradsq = new double[parameters.length];
    java.util.Arrays.fill(gradsq, 1.0);
    this.xMax = o.xMax();
    this.alpha = o.alpha();
    this.eta = o.eta();
    this.clip = o.gradClip();
  }

  private static double[] initial(int vocab, int dim, long seed) {
    long n = 2L * vocab * (dim + 1);
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("GloVe: " + vocab + " words × " + dim + " dimensions is too large");
    }
    double[] p = new double[(int) n];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int a = 0; a < p.length; a++) {
      p[a] = (rng.nextDouble() - 0.5) / dim;
    }
    return p;
  }

  int vocab() {
    return vocab;
  }

  /** The live parameter array (layout above). */
  double[] parameters() {
    return w;
  }

  /** The live AdaGrad accumulators. */
  double[] gradsq() {
    return gradsq;
  }

  /**
   * One AdaGrad step on the record (word, context, x); returns its weighted squared error ½·f·diff²
   * before the step, or NaN if the record was skipped (diff not finite).
   *
   * @param u1 scratch of length dim (one per thread)
   * @param u2 scratch of length dim (one per thread)
   */
  double step(int word, int context, double x, double[] u1, double[] u2) {
    final double[] w = this.w;
    final double[] g = this.gradsq;
    final int l1 = word * stride;
    final int l2 = (context + vocab) * stride;
    double diff = VectorMath.dot(w, l1, w, l2, dim);
    diff += w[l1 + dim] + w[l2 + dim] - Math.log(x);
    double fdiff = x > xMax ? diff : Math.pow(x / xMax, alpha) * diff;
    if (!Double.isFinite(diff) || !Double.isFinite(fdiff)) {
      return Double.NaN;
    }
    double cost = 0.5 * fdiff * diff;
    double sum1 = 0;
    double sum2 = 0;
    for (int b = 0; b < dim; b++) {
      double t1 = Math.max(-clip, Math.min(clip, fdiff * w[l2 + b])) * eta;
      double t2 = Math.max(-clip, Math.min(clip, fdiff * w[l1 + b])) * eta;
      u1[b] = t1 / Math.sqrt(g[l1 + b]);
      u2[b] = t2 / Math.sqrt(g[l2 + b]);
      sum1 += u1[b];
      sum2 += u2[b];
      g[l1 + b] += t1 * t1;
      g[l2 + b] += t2 * t2;
    }
    if (Double.isFinite(sum1) && Double.isFinite(sum2)) {
      for (int b = 0; b < dim; b++) {
        w[l1 + b] -= u1[b];
        w[l2 + b] -= u2[b];
      }
    }
    w[l1 + dim] -= finiteOrZero(fdiff / Math.sqrt(g[l1 + dim]));
    w[l2 + dim] -= finiteOrZero(fdiff / Math.sqrt(g[l2 + dim]));
    double f2 = fdiff * fdiff;
    g[l1 + dim] += f2;
    g[l2 + dim] += f2;
    return cost;
  }

  private static double finiteOrZero(double update) {
    return Double.isFinite(update) ? update : 0.0;
  }

  /** W + W̃ (the C code's {@code -model 2} output) of every word, row-major, as floats. */
  float[] wordPlusContext() {
    float[] m = new float[vocab * dim];
    for (int i = 0; i < vocab; i++) {
      int l1 = i * stride;
      int l2 = (i + vocab) * stride;
      for (int b = 0; b < dim; b++) {
        m[i * dim + b] = (float) (w[l1 + b] + w[l2 + b]);
      }
    }
    return m;
  }
}
