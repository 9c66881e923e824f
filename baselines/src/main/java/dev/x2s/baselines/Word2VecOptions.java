package dev.x2s.baselines;

/**
 * Settings of a from-scratch word2vec baseline (DL4J's implementation); the defaults are the original
 * word2vec tool's defaults except the dimension, which follows the comparison at hand.
 *
 * @param skipGram skip-gram (true) or CBOW (false)
 * @param dim vector size
 * @param window context window (words on each side)
 * @param minCount minimum word count
 * @param negatives negative samples per target
 * @param sample subsampling threshold
 * @param epochs passes over the corpus
 * @param learningRate initial learning rate (decays linearly to {@code minLearningRate})
 * @param threads worker threads (DL4J's training is not deterministic with more than one)
 * @param seed random seed
 */
public record Word2VecOptions(
    boolean skipGram,
    int dim,
    int window,
    int minCount,
    int negatives,
    double sample,
    int epochs,
    double learningRate,
    int threads,
    long seed) {

  /** word2vec's CBOW defaults (lr 0.05) or skip-gram defaults (lr 0.025), 5 epochs. */
  public static Word2VecOptions defaults(boolean skipGram, int dim) {
    return new Word2VecOptions(skipGram, dim, 5, 5, 5, 1e-3, 5, skipGram ? 0.025 : 0.05,
        Runtime.getRuntime().availableProcessors(), 1);
  }
}
