package dev.x2s.evaluate.data;

import java.util.List;

/**
 * An analogy benchmark: questions in file order, each pointing at one of {@code sections} (Google's
 * {@code : capital-common-countries} headers, MSR's {@code type} column).
 */
public record AnalogyDataset(
    String source, List<String> sections, List<AnalogyQuestion> questions) {
  public AnalogyDataset {
    sections = List.copyOf(sections);
    questions = List.copyOf(questions);
    for (AnalogyQuestion q : questions) {
      if (q.section() < 0 || q.section() >= sections.size()) {
        throw new IllegalArgumentException("question " + q + " has no section");
      }
    }
  }

  public int size() {
    return questions.size();
  }
}
