package dev.x2s.evaluate.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A categorization benchmark (BLESS, AP): words with gold classes, in file order. */
public record CategorizationDataset(String source, List<CategorizedWord> words) {
  public CategorizationDataset {
    words = List.copyOf(words);
  }

  /** The distinct gold classes in order of first appearance. */
  public List<String> categories() {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (CategorizedWord w : words) {
      seen.add(w.category());
    }
    return new ArrayList<>(seen);
  }

  public int size() {
    return words.size();
  }
}
