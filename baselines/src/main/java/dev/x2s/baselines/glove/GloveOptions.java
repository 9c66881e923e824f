package dev.x2s.baselines.glove;

import java.nio.file.Path;

/**
 * Settings of a from-scratch GloVe baseline. The defaults are those of the reference C tools
 * ({@code stanfordnlp/GloVe}: {@code vocab_count}, {@code cooccur}, {@code glove}) as used in the paper:
 * min count 5, symmetric window 10 with 1/distance weighting, x_max 100, alpha 0.75, eta 0.05,
 * gradient-component clip 100, output W + W̃ ({@code -model 2}); 100 dimensions and 15 iterations.
 *
 * @param dim vector size
 * @param window context words on each side (contexts never cross a sentence)
 * @param minCount words seen fewer times are dropped before counting co-occurrences
 * @param xMax cutoff of the weighting function f(x) = min(1, (x / xMax)^alpha)
 * @param alpha exponent of the weighting function
 * @param eta AdaGrad initial learning rate
 * @param gradClip each component of a vector gradient is clipped to [-gradClip, gradClip]
 * @param iterations passes over the (shuffled) co-occurrence records
 * @param threads training threads; more than one is lock-free "Hogwild" SGD like the C code, and then
 *     results vary from run to run; with one thread a run is reproducible bit for bit
 * @param seed seeds parameter initialisation and the shuffle
 * @param memoryBytes bound on the co-occurrence accumulator's heap (hash table plus its sort buffer);
 *     pairs beyond it are spilled to sorted run files and merged
 * @param tempDir where spill runs and the co-occurrence record file go (null: the system default)
 */
public record GloveOptions(
    int dim,
    int window,
    int minCount,
    double xMax,
    double alpha,
    double eta,
    double gradClip,
    int iterations,
    int threads,
    long seed,
    long memoryBytes,
    Path tempDir) {

  /** Default co-occurrence memory budget: 1.5 GiB. */
  public static final long DEFAULT_MEMORY_BYTES = 3L << 29;

  public GloveOptions {
    if (dim < 1 || window < 1 || minCount < 1 || iterations < 0 || threads < 1) {
      throw new IllegalArgumentException("GloVe options: dim, window, minCount and threads must be >= 1, "
          + "iterations >= 0 (got dim " + dim + ", window " + window + ", minCount " + minCount
          + ", iterations " + iterations + ", threads " + threads + ")");
    }
    if (!(xMax > 0 && alpha >= 0 && eta > 0 && gradClip > 0 && memoryBytes > 0)) {
      throw new IllegalArgumentException("GloVe options: xMax, eta, gradClip and memoryBytes must be > 0, "
          + "alpha >= 0");
    }
  }

  /** The reference defaults: 100 dimensions, 15 iterations, window 10, min count 5, seed 1. */
  public static GloveOptions defaults() {
    return new GloveOptions(100, 10, 5, 100.0, 0.75, 0.05, 100.0, 15,
        Runtime.getRuntime().availableProcessors(), 1, DEFAULT_MEMORY_BYTES, null);
  }

  public GloveOptions withDim(int d) {
    return new GloveOptions(d, window, minCount, xMax, alpha, eta, gradClip, iterations, threads, seed,
        memoryBytes, tempDir);
  }

  public GloveOptions withWindow(int w) {
    return new GloveOptions(dim, w, minCount, xMax, alpha, eta, gradClip, iterations, threads, seed,
        memoryBytes, tempDir);
  }

  public GloveOptions withMinCount(int m) {
    return new GloveOptions(dim, window, m, xMax, alpha, eta, gradClip, iterations, threads, seed,
        memoryBytes, tempDir);
  }

  public GloveOptions withIterations(int n) {
    return new GloveOptions(dim, window, minCount, xMax, alpha, eta, gradClip, n, threads, seed,
        memoryBytes, tempDir);
  }

  public GloveOptions withThreads(int t) {
    return new GloveOptions(dim, window, minCount, xMax, alpha, eta, gradClip, iterations, t, seed,
        memoryBytes, tempDir);
  }

  public GloveOptions withSeed(long s) {
    return new GloveOptions(dim, window, minCount, xMax, alpha, eta, gradClip, iterations, threads, s,
        memoryBytes, tempDir);
  }

  public GloveOptions withMemoryBytes(long m) {
    return new GloveOptions(dim, window, minCount, xMax, alpha, eta, gradClip, iterations, threads, seed,
        m, tempDir);
  }

  public GloveOptions withTempDir(Path t) {
    return new GloveOptions(dim, window, minCount, xMax, alpha, eta, gradClip, iterations, threads, seed,
        memoryBytes, t);
  }
}
