package dev.x2s.layerpc.geometry;

import java.util.function.ToDoubleFunction;

/** A per-layer quantity that gets its own plot: file name, title, y-axis label and how to read it. */
public enum LayerMetric {
  ANISOTROPY("anisotropy", "Average cosine similarity between randomly sampled words (anisotropy)",
      "mean cosine", LayerGeometry::randomPairCosine),
  SELF_SIMILARITY("self_similarity", "Average self-similarity (anisotropy-adjusted)",
      "self-similarity − random-pair cosine", LayerGeometry::selfSimilarityAdjusted),
  SELF_SIMILARITY_RAW("self_similarity_raw", "Average self-similarity (raw)",
      "mean cosine between occurrences of a word", LayerGeometry::selfSimilarity),
  INTRA_SENTENCE("intra_sentence", "Average intra-sentence similarity (anisotropy-adjusted)",
      "intra-sentence similarity − random-pair cosine", LayerGeometry::intraSentenceAdjustedPaper),
  INTRA_SENTENCE_RAW("intra_sentence_raw", "Average intra-sentence similarity (raw)",
      "mean cosine of a word to its sentence mean", LayerGeometry::intraSentence),
  MEV_PAPER("mev_paper", "Average maximum explainable variance, as the paper's Figure 4 (TruncatedSVD ratio, adjusted)",
      "MEV − random-occurrence MEV", LayerGeometry::mevPaperFigure),
  MEV_CENTRED("mev_centred", "Average maximum explainable variance, centred PCA (adjusted by same-size random sets)",
      "MEV − random-set MEV", LayerGeometry::mevCentredAdjusted),
  MEV_CENTRED_RAW("mev_centred_raw", "Average maximum explainable variance, centred PCA (raw)",
      "first-PC share of variance", l -> l.mev().centred()),
  MEV_UNCENTRED("mev_uncentred",
      "Average maximum explainable variance, uncentred σ₁²/Σσᵢ² (adjusted by same-size random sets)",
      "MEV − random-set MEV", LayerGeometry::mevUncentredAdjusted);

  private final String file;
  private final String title;
  private final String yLabel;
  private final ToDoubleFunction<LayerGeometry> value;

  LayerMetric(String file, String title, String yLabel, ToDoubleFunction<LayerGeometry> value) {
    this.file = file;
    this.title = title;
    this.yLabel = yLabel;
    this.value = value;
  }

  /** Base file name (without {@code .png}). */
  public String file() {
    return file;
  }

  public String title() {
    return title;
  }

  public String yLabel() {
    return yLabel;
  }

  public double of(LayerGeometry layer) {
    return value.applyAsDouble(layer);
  }
}
