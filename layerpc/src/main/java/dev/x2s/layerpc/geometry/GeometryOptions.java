package dev.x2s.layerpc.geometry;

/**
 * Settings of one geometry analysis; written into the report so a run can be repeated.
 *
 * @param seed seed of every random draw (same seed + same store → same numbers)
 * @param baselinePairs random occurrence pairs for the cosine anisotropy baseline
 * @param baselineSets random occurrence sets (and pseudo-sentences) for the MEV and intra-sentence
 *     baselines computed the same way as their metrics
 * @param minOccurrences words with fewer stored occurrences are left out of self-similarity and MEV
 *     (the paper keeps words seen at least 5 times)
 * @param maxOccurrences MEV of a word uses at most this many of its occurrences (a seeded random
 *     subset, the same in every layer) to bound the eigen-decomposition; its baseline uses sets of
 *     the same capped size
 * @param paperBaselineSize random occurrences in the released code's single MEV baseline matrix
 *     (1,000 in the paper)
 */
public record GeometryOptions(
    long seed,
    int baselinePairs,
    int baselineSets,
    int minOccurrences,
    int maxOccurrences,
    int paperBaselineSize) {

  public GeometryOptions {
    if (baselinePairs < 1 || baselineSets < 1 || minOccurrences < 2 || maxOccurrences < 2
        || paperBaselineSize < 2) {
      throw new IllegalArgumentException(
          "need baselinePairs, baselineSets ≥ 1 and minOccurrences, maxOccurrences, paperBaselineSize ≥ 2: "
              + this);
    }
  }

  /**
   * Defaults: seed 1, 10,000 pairs, 200 sets, words with ≥ 5 occurrences, MEV on ≤ 128 occurrences,
   * 1,000 occurrences for the paper's baseline.
   */
  public static GeometryOptions defaults() {
    return new GeometryOptions(1, 10_000, 200, 5, 128, 1000);
  }

  public GeometryOptions withSeed(long s) {
    return new GeometryOptions(s, baselinePairs, baselineSets, minOccurrences, maxOccurrences, paperBaselineSize);
  }
}
