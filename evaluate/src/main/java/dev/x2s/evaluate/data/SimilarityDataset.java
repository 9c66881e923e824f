package dev.x2s.evaluate.data;

import java.util.List;

/**
 * A word-similarity benchmark: rated pairs in file order (duplicates kept).
 *
 * @param source where the pairs came from (file name), for messages
 */
public record SimilarityDataset(String source, List<RatedPair> pairs) {
  public SimilarityDataset {
    pairs = List.copyOf(pairs);
  }

  public int size() {
    return pairs.size();
  }
}
