package dev.x2s.evaluate.data;

import java.util.List;
import java.util.Objects;

/**
 * One SemEval-2012 Task 2 relation category: its prototype pairs (from {@code Phase1Questions}) and
 * the gold prototypicality ratings of its pairs (from {@code GoldRatings}).
 *
 * @param id category id such as {@code 1a} or {@code 10f}
 * @param split {@code dev} or {@code test}
 */
public record RelationCategory(
    String id, String split, List<WordPair> prototypes, List<RatedPair> gold) {
  public RelationCategory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(split, "split");
    prototypes = List.copyOf(prototypes);
    gold = List.copyOf(gold);
  }

  public boolean isTest() {
    return "test".equals(split);
  }
}
