package dev.x2s.layerpc.geometry;

/**
 * The geometry of one layer of one teacher: raw metrics averaged over words (or sentences) and their
 * anisotropy baselines. "Adjusted" means raw − baseline.
 *
 * @param layer layer index
 * @param words words in the self-similarity and MEV averages
 * @param sentences sentences (with ≥ 2 stored occurrences) in the intra-sentence average
 * @param selfSimilarity mean over words of the mean pairwise cosine of their occurrences
 * @param intraSentence mean over sentences of the mean cosine of each word to the sentence mean
 * @param mev word MEV, mean over words, three variants (see {@link ExplainedVariance})
 * @param randomPairCosine mean cosine of random pairs of occurrences of different words in different
 *     sentences: the paper's anisotropy baseline (for self- and intra-sentence similarity)
 * @param intraSentenceBaseline intra-sentence similarity of random pseudo-sentences (same lengths,
 *     random occurrences)
 * @param mevBaseline MEV of random occurrence sets of the same sizes as the words', three variants
 * @param paperMevBaseline the released code's MEV baseline: {@code TruncatedSVD} ratio of one matrix
 *     of {@link GeometryOptions#paperBaselineSize} random occurrences
 */
public record LayerGeometry(
    int layer,
    int words,
    int sentences,
    double selfSimilarity,
    double intraSentence,
    ExplainedVariance.Mev mev,
    double randomPairCosine,
    double intraSentenceBaseline,
    ExplainedVariance.Mev mevBaseline,
    double paperMevBaseline) {

  /** Self-similarity − random-pair cosine (the paper's Figure 2). */
  public double selfSimilarityAdjusted() {
    return selfSimilarity - randomPairCosine;
  }

  /** Intra-sentence similarity − random-pair cosine (the paper's Figure 3). */
  public double intraSentenceAdjustedPaper() {
    return intraSentence - randomPairCosine;
  }

  /** Intra-sentence similarity − the same metric on random pseudo-sentences. */
  public double intraSentenceAdjusted() {
    return intraSentence - intraSentenceBaseline;
  }

  /** Centred MEV − centred MEV of random same-size sets. */
  public double mevCentredAdjusted() {
    return mev.centred() - mevBaseline.centred();
  }

  /** Uncentred MEV − uncentred MEV of random same-size sets. */
  public double mevUncentredAdjusted() {
    return mev.uncentred() - mevBaseline.uncentred();
  }

  /** TruncatedSVD-ratio MEV − the same on random same-size sets. */
  public double mevTruncatedSvdAdjusted() {
    return mev.truncatedSvd() - mevBaseline.truncatedSvd();
  }

  /**
   * TruncatedSVD-ratio word MEV − the 1,000-occurrence TruncatedSVD baseline: how the released CSVs
   * (code at commit 84d2f97) were made and what the paper's Figure 4 plots.
   */
  public double mevPaperFigure() {
    return mev.truncatedSvd() - paperMevBaseline;
  }

  /**
   * Centred word MEV − the uncentred 1,000-occurrence baseline: the released code's current state
   * (word MEV switched to PCA, baseline left as TruncatedSVD).
   */
  public double mevReleasedCodeAdjusted() {
    return mev.centred() - paperMevBaseline;
  }
}
