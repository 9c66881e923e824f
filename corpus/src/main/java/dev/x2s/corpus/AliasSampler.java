package dev.x2s.corpus;

import java.util.SplittableRandom;

/**
 * Walker's alias method (Vose's construction): O(1) samples from a fixed discrete distribution. Used for
 * negatives drawn from unigram^power (X2Static: power 0.5).
 */
public final class AliasSampler {
  private final float[] prob;
  private final int[] alias;

  /** @param weights non-negative, not all zero */
  public AliasSampler(double[] weights) {
    int n = weights.length;
    double sum = 0;
    for (double w : weights) {
      if (w < 0 || Double.isNaN(w)) {
        throw new IllegalArgumentException("negative or NaN weight: " + w);
      }
      sum += w;
    }
    if (n == 0 || sum <= 0) {
      throw new IllegalArgumentException("no positive weight among " + n);
    }
    prob = new float[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = (float) scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    // Leftovers are 1 up to rounding.
    while (nl > 0) {
      int l = large[--nl];
      prob[l] = 1f;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      prob[s] = 1f;
      alias[s] = s;
    }
  }

  /** Weights {@code count^power} over a vocabulary. */
  public static AliasSampler unigram(Vocabulary vocab, double power) {
    double[] w = new double[vocab.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(vocab.count(i), power);
    }
    return new AliasSampler(w);
  }

  public int size() {
    return prob.length;
  }

  public int sample(SplittableRandom rng) {
    int i = rng.nextInt(prob.length);
    return rng.nextFloat() < prob[i] ? i : alias[i];
  }
}
