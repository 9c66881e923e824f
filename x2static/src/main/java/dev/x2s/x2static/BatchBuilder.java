package dev.x2s.x2static;

import dev.x2s.corpus.AliasSampler;
import dev.x2s.corpus.Subsampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns sentences (a teacher context vector + the vocabulary ids of the sentence's words) into
 * {@link TrainingBatch}es: each word kept by the {@link Subsampler} becomes a target pair followed by
 * {@code negatives} pairs drawn from the {@link AliasSampler}; a negative equal to its target is
 * redrawn (as fastText's {@code getNegative} does). All randomness comes from one seeded
 * {@link SplittableRandom}, consumed in sentence order, so the batches are reproducible.
 */
public final class BatchBuilder {
  private final int dim;
  private final int sentencesPerBatch;
  private final int negatives;
  private final Subsampler subsampler;
  private final AliasSampler sampler;
  private final SplittableRandom rng;

  private float[] contexts;
  private int sentences;
  private int[] pairSentence = new int[1024];
  private int[] pairRow = new int[1024];
  private boolean[] pairTarget = new boolean[1024];
  private int pairs;
  private int targets;

  public BatchBuilder(int dim, int sentencesPerBatch, int negatives, Subsampler subsampler,
      AliasSampler sampler, long seed) {
    this.dim = dim;
    this.sentencesPerBatch = sentencesPerBatch;
    this.negatives = negatives;
    this.subsampler = subsampler;
    this.sampler = sampler;
    this.rng = new SplittableRandom(seed);
    this.contexts = new float[sentencesPerBatch * dim];
  }

  /**
   * Adds one sentence.
   *
   * @param context the teacher's context vector (length {@code dim})
   * @param ids vocabulary ids of the sentence's words, −1 for words outside the vocabulary
   * @return true when the batch is full and should be taken with {@link #take()}
   */
  public boolean add(float[] context, int[] ids) {
    int kept = 0;
    for (int id : ids) {
      if (id >= 0 && subsampler.keep(id, rng)) {
        ensure(pairs + 1 + negatives);
        pairSentence[pairs] = sentences;
        pairRow[pairs] = id;
        pairTarget[pairs++] = true;
        for (int n = 0; n < negatives; n++) {
          int neg;
          do {
            neg = sampler.sample(rng);
          } while (neg == id && sampler.size() > 1);
          pairSentence[pairs] = sentences;
          pairRow[pairs] = neg;
          pairTarget[pairs++] = false;
        }
        kept++;
      }
    }
    if (kept > 0) {
      System.arraycopy(context, 0, contexts, sentences * dim, dim);
      sentences++;
      targets += kept;
    }
    return sentences == sentencesPerBatch;
  }

  /** Whether anything is pending. */
  public boolean isEmpty() {
    return sentences == 0;
  }

  /** The batch built so far (possibly partial); the builder starts a new one. */
  public TrainingBatch take() {
    TrainingBatch b = new TrainingBatch(
        Arrays.copyOf(contexts, sentences * dim), sentences, dim,
        Arrays.copyOf(pairSentence, pairs), Arrays.copyOf(pairRow, pairs),
        Arrays.copyOf(pairTarget, pairs), pairs, targets);
    sentences = 0;
    pairs = 0;
    targets = 0;
    return b;
  }

  private void ensure(int n) {
    if (n > pairRow.length) {
      int size = Math.max(n, pairRow.length * 2);
      pairSentence = Arrays.copyOf(pairSentence, size);
      pairRow = Arrays.copyOf(pairRow, size);
      pairTarget = Arrays.copyOf(pairTarget, size);
    }
  }
}
