package dev.x2s.evaluate.data;

import java.util.List;

/** SemEval-2012 Task 2: dev categories first, then test, each sorted by category id. */
public record RelationDataset(String source, List<RelationCategory> categories) {
  public RelationDataset {
    categories = List.copyOf(categories);
  }

  public long testCount() {
    return categories.stream().filter(RelationCategory::isTest).count();
  }
}
