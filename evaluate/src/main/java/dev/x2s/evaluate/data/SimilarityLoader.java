package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads word-pair similarity files: {@code word1 word2 score [more columns]}, separated by tabs,
 * commas or whitespace (detected from the first non-blank line), with an optional header (detected:
 * the first line is a header when its third field is not a number). With a header, the score is the
 * named column if one is given, else the first column from the third on that holds a number in the
 * first data row. Blank lines are skipped.
 */
public final class SimilarityLoader {
  private SimilarityLoader() {}

  /** Any word-pair file; the score is the third column. */
  public static SimilarityDataset load(Path file) throws IOException {
    return load(file, null);
  }

  /**
   * Any word-pair file.
   *
   * @param scoreColumn header name of the score column (case-insensitive), or null for the third
   *     column; when given, the file must have a header containing it
   */
  public static SimilarityDataset load(Path file, String scoreColumn) throws IOException {
    TextLines lines = TextLines.read(file);
    int first = firstNonBlank(lines);
    if (first < 0) {
      throw lines.error(0, "no word pairs");
    }
    Fields fields = Fields.detect(lines.get(first));
    List<String> head = fields.split(lines.get(first));
    int scoreIndex = 2;
    boolean header;
    if (scoreColumn != null) {
      scoreIndex = indexOfIgnoreCase(head, scoreColumn);
      if (scoreIndex < 0) {
        throw lines.error(first, "header has no column '" + scoreColumn + "': " + head);
      }
      header = true;
    } else {
      if (head.size() < 3) {
        throw lines.error(
            first, "expected at least 3 fields (word1 word2 score), got " + head.size());
      }
      header = !Fields.isNumber(head.get(2));
      if (header) {
        scoreIndex = firstNumericColumn(lines, fields, first);
      }
    }
    List<RatedPair> pairs = new ArrayList<>();
    for (int n = header ? first + 1 : first; n <= lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields.split(line);
      if (f.size() < Math.max(3, scoreIndex + 1)) {
        throw lines.error(
            n, "expected at least " + Math.max(3, scoreIndex + 1) + " fields, got " + f.size());
      }
      if (f.get(0).isEmpty() || f.get(1).isEmpty()) {
        throw lines.error(n, "empty word");
      }
      String s = f.get(scoreIndex);
      if (!Fields.isNumber(s)) {
        throw lines.error(n, "score '" + s + "' is not a number");
      }
      double score = Double.parseDouble(s);
      if (!Double.isFinite(score)) {
        throw lines.error(n, "score '" + s + "' is not finite");
      }
      pairs.add(new RatedPair(f.get(0), f.get(1), score));
    }
    if (pairs.isEmpty()) {
      throw lines.error(0, "no word pairs");
    }
    return new SimilarityDataset(file.getFileName().toString(), pairs);
  }

  /** SimLex-999: TSV with header, score column {@code SimLex999}. */
  public static SimilarityDataset simLex999(Path file) throws IOException {
    return load(file, "SimLex999");
  }

  /** MEN: {@code w1 w2 score} (0–50). */
  public static SimilarityDataset men(Path file) throws IOException {
    return load(file);
  }

  /** WordSim-353 (all, similarity or relatedness split): {@code w1 w2 score}. */
  public static SimilarityDataset ws353(Path file) throws IOException {
    return load(file);
  }

  /** Rare Words: {@code w1 w2 mean r1..r10}; the score is the mean. */
  public static SimilarityDataset rareWords(Path file) throws IOException {
    return load(file);
  }

  /**
   * With a header and no named score column: the first column from the third on whose value in
   * the first data row is a number (SimLex-999's {@code word1 word2 POS SimLex999 …} → 3).
   */
  private static int firstNumericColumn(TextLines lines, Fields fields, int headerLine)
      throws BenchmarkFormatException {
    for (int n = headerLine + 1; n <= lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> f = fields.split(lines.get(n));
      for (int i = 2; i < f.size(); i++) {
        if (Fields.isNumber(f.get(i))) {
          return i;
        }
      }
      throw lines.error(n, "no numeric score column");
    }
    return 2;
  }

  static int firstNonBlank(TextLines lines) {
    for (int n = 1; n <= lines.size(); n++) {
      if (!lines.get(n).isBlank()) {
        return n;
      }
    }
    return -1;
  }

  private static int indexOfIgnoreCase(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }
}
