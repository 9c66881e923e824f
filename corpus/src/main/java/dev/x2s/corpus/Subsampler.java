package dev.x2s.corpus;

import java.util.SplittableRandom;

/**
 * fastText-style subsampling of frequent words: a word with corpus frequency {@code f = count/total} is
 * kept with probability {@code min(1, sqrt(t/f) + t/f)} (fastText {@code Dictionary::initTableDiscard};
 * the X2Static release uses t = 5e-6).
 */
public final class Subsampler {
  private final float[] keep;

  public Subsampler(Vocabulary vocab, double t) {
    keep = new float[vocab.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = (float) keepProbability(vocab.count(i), vocab.totalTokens(), t);
    }
  }

  /** The probability of keeping one occurrence of a word seen {@code count} times in {@code total}. */
  public static double keepProbability(long count, long total, double t) {
    if (t <= 0) {
      return 1;
    }
    double f = (double) count / total;
    return Math.min(1.0, Math.sqrt(t / f) + t / f);
  }

  public double keepProbability(int id) {
    return keep[id];
  }

  /** Whether to keep this occurrence of word {@code id}. */
  public boolean keep(int id, SplittableRandom rng) {
    float p = keep[id];
    return p >= 1f || rng.nextFloat() < p;
  }
}
