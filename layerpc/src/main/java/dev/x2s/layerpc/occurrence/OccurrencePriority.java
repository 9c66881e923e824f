package dev.x2s.layerpc.occurrence;

/**
 * The sampling priority of one occurrence: a hash of (seed, word, sentence id, position). Keeping, per
 * word, the {@code k} occurrences of smallest priority (compared unsigned) is a uniform sample without
 * replacement (bottom-k / priority sampling) that depends only on the corpus and the seed — not on the
 * order occurrences are seen in, nor on batching — which is what makes the sampling pass cheap to
 * repeat and a resumed run identical to an uninterrupted one.
 *
 * <p>For a fixed word the map from (sentence id, position) to priority is injective while
 * {@code position < 2^20} and {@code sentence id < 2^43} (a bijective 64-bit mix of
 * {@code id·2^20 + position}), so ties cannot occur in practice.
 */
public final class OccurrencePriority {
  private OccurrencePriority() {}

  /** The per-word part of the hash; compute once per word. */
  public static long wordKey(long seed, String word) {
    return mix(seed * 0x9E3779B97F4A7C15L + word.hashCode());
  }

  public static long priority(long wordKey, long sentenceId, int position) {
    return mix(((sentenceId << 20) + (position & 0xFFFFF)) ^ wordKey);
  }

  /** SplitMix64's finaliser: a bijection of 64-bit values with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
