package dev.x2s.evaluate.scoring;

/**
 * How to evaluate.
 *
 * @param protocol {@code skip} or {@code meanfill}
 * @param analogyLimit analogy search space: the first N rows of the vector file
 * @param lowercase lower-case benchmark words before lookup ({@code --lower})
 * @param analogyCacheBytes memory for cached analogy similarity rows
 * @param threads worker threads for analogy solving
 */
public record EvaluationOptions(
    Protocol protocol, int analogyLimit, boolean lowercase, long analogyCacheBytes, int threads) {
  public static final int DEFAULT_ANALOGY_LIMIT = 300_000;

  public EvaluationOptions {
    if (protocol == null) {
      throw new IllegalArgumentException("protocol is required");
    }
    if (analogyLimit < 1) {
      throw new IllegalArgumentException("analogy limit must be positive: " + analogyLimit);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
  }

  /**
   * {@code skip}, N = 300,000, no lower-casing, a row cache of min(1 GiB, max heap / 4), all
   * processors.
   */
  public static EvaluationOptions defaults() {
    return new EvaluationOptions(
        Protocol.SKIP,
        DEFAULT_ANALOGY_LIMIT,
        false,
        Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4),
        Runtime.getRuntime().availableProcessors());
  }

  public EvaluationOptions withProtocol(Protocol p) {
    return new EvaluationOptions(p, analogyLimit, lowercase, analogyCacheBytes, threads);
  }

  public EvaluationOptions withAnalogyLimit(int n) {
    return new EvaluationOptions(protocol, n, lowercase, analogyCacheBytes, threads);
  }

  public EvaluationOptions withLowercase(boolean lower) {
    return new EvaluationOptions(protocol, analogyLimit, lower, analogyCacheBytes, threads);
  }

  public EvaluationOptions withThreads(int t) {
    return new EvaluationOptions(protocol, analogyLimit, lowercase, analogyCacheBytes, t);
  }

  public EvaluationOptions withAnalogyCacheBytes(long bytes) {
    return new EvaluationOptions(protocol, analogyLimit, lowercase, bytes, threads);
  }
}
