package dev.x2s.evaluate.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Development and test halves of a similarity benchmark, for choosing a method on one half and reporting it
 * on the other. A pair belongs to the development half when the first byte of SHA-256 of
 * {@code "<seed>:<w1>\t<w2>"} (words lower-cased, UTF-8) is even: a rule any language can reproduce
 * ({@code bench/recipes/grid.py} uses it), stable under reordering or appending to the file.
 */
public final class DevSplit {
  /** The seed of the halves x2s reports (BENCHMARKS.md: "dev" and "test"). */
  public static final long SEED = 1;

  private DevSplit() {}

  /** Whether the pair is in the development half under {@code seed}. */
  public static boolean isDev(long seed, String first, String second) {
    String key = seed + ":" + first.toLowerCase(Locale.ROOT) + "\t" + second.toLowerCase(Locale.ROOT);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return (h[0] & 1) == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** The development ({@code dev}) or test half of {@code d}, pairs in file order. */
  public static SimilarityDataset half(SimilarityDataset d, long seed, boolean dev) {
    return new SimilarityDataset(d.source() + (dev ? " (dev half)" : " (test half)"),
        d.pairs().stream().filter(p -> isDev(seed, p.first(), p.second()) == dev).toList());
  }
}
