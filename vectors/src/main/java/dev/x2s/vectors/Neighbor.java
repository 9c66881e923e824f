package dev.x2s.vectors;

/** One nearest-neighbour hit: a row, its word and its cosine similarity to the query. */
public record Neighbor(int row, String word, float cosine) {}
