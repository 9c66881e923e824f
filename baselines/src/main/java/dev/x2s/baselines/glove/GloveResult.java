package dev.x2s.baselines.glove;

import dev.x2s.corpus.Vocabulary;
import dev.x2s.vectors.WordVectors;

/** Trained GloVe vectors (W + W̃, rows in vocabulary order: by count, then word), their vocabulary and stats. */
public record GloveResult(WordVectors vectors, Vocabulary vocabulary, GloveStats stats) {}
