package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads analogy question files. */
public final class AnalogyLoader {
  private static final List<String> MSR_HEADER =
      List.of("", "type", "word1", "word2", "word3", "target");

  private AnalogyLoader() {}

  /**
   * The word2vec {@code questions-words.txt} format: {@code : section} header lines, then one
   * question {@code a b c d} per line (whitespace-separated). Questions before the first header go
   * to a section named {@code default}. Blank lines are skipped.
   */
  public static AnalogyDataset questionsWords(Path file) throws IOException {
    TextLines lines = TextLines.read(file);
    List<String> sections = new ArrayList<>();
    List<AnalogyQuestion> questions = new ArrayList<>();
    int section = -1;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(":")) {
        String name = line.substring(1).trim();
        if (name.isEmpty()) {
          throw lines.error(n, "section header without a name");
        }
        sections.add(name);
        section = sections.size() - 1;
        continue;
      }
      String[] w = line.split("\\s+");
      if (w.length != 4) {
        throw lines.error(n, "expected 4 words (a b c d), got " + w.length + ": '" + line + "'");
      }
      if (section < 0) {
        sections.add("default");
        section = 0;
      }
      questions.add(new AnalogyQuestion(w[0], w[1], w[2], w[3], section));
    }
    if (questions.isEmpty()) {
      throw lines.error(0, "no analogy questions");
    }
    return new AnalogyDataset(file.getFileName().toString(), sections, questions);
  }

  /**
   * The MSR analogy CSV (as exported by pandas): header {@code ,type,word1,word2,word3,target}, then
   * {@code index,type,a,b,c,d}. Sections are the distinct types in order of first appearance.
   */
  public static AnalogyDataset msr(Path file) throws IOException {
    TextLines lines = TextLines.read(file);
    int first = SimilarityLoader.firstNonBlank(lines);
    if (first < 0 || !Fields.COMMA.split(lines.get(first)).equals(MSR_HEADER)) {
      throw lines.error(
          Math.max(first, 0), "expected the header ',type,word1,word2,word3,target'");
    }
    List<String> sections = new ArrayList<>();
    Map<String, Integer> sectionIndex = new HashMap<>();
    List<AnalogyQuestion> questions = new ArrayList<>();
    for (int n = first + 1; n <= lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Fields.COMMA.split(line);
      if (f.size() != 6) {
        throw lines.error(n, "expected 6 comma-separated fields, got " + f.size());
      }
      for (int i = 2; i < 6; i++) {
        if (f.get(i).isEmpty()) {
          throw lines.error(n, "empty word in column " + MSR_HEADER.get(i));
        }
      }
      int section =
          sectionIndex.computeIfAbsent(
              f.get(1),
              t -> {
                sections.add(t);
                return sections.size() - 1;
              });
      questions.add(new AnalogyQuestion(f.get(2), f.get(3), f.get(4), f.get(5), section));
    }
    if (questions.isEmpty()) {
      throw lines.error(0, "no analogy questions");
    }
    return new AnalogyDataset(file.getFileName().toString(), sections, questions);
  }
}
