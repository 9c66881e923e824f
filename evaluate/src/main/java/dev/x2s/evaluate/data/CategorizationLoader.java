package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code category,word} CSV files. Accepted layouts: a header naming the columns
 * {@code category} and {@code word} (any other columns, such as pandas' unnamed index, are
 * ignored), or no header with {@code category,word} or {@code index,category,word} rows. Blank rows
 * and rows whose word is empty (the BLESS/AP files end each class with one) are skipped.
 */
public final class CategorizationLoader {
  private CategorizationLoader() {}

  public static CategorizationDataset load(Path file) throws IOException {
    TextLines lines = TextLines.read(file);
    int first = SimilarityLoader.firstNonBlank(lines);
    if (first < 0) {
      throw lines.error(0, "no words");
    }
    List<String> head = lowered(Fields.COMMA.split(lines.get(first)));
    int categoryColumn = head.indexOf("category");
    int wordColumn = head.indexOf("word");
    int start = first + 1;
    if (categoryColumn < 0 || wordColumn < 0) {
      if (categoryColumn >= 0 || wordColumn >= 0) {
        throw lines.error(first, "header must name both 'category' and 'word': " + head);
      }
      start = first;
      if (head.size() == 2) {
        categoryColumn = 0;
        wordColumn = 1;
      } else if (head.size() == 3) {
        categoryColumn = 1;
        wordColumn = 2;
      } else {
        throw lines.error(first, "expected 'category,word' or 'index,category,word'");
      }
    }
    int width = Math.max(categoryColumn, wordColumn) + 1;
    List<CategorizedWord> words = new ArrayList<>();
    for (int n = start; n <= lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Fields.COMMA.split(line);
      if (f.size() < width) {
        throw lines.error(n, "expected at least " + width + " fields, got " + f.size());
      }
      String word = f.get(wordColumn);
      String category = f.get(categoryColumn);
      if (word.isEmpty()) {
        continue;
      }
      if (category.isEmpty()) {
        throw lines.error(n, "word '" + word + "' has no category");
      }
      words.add(new CategorizedWord(word, category));
    }
    if (words.isEmpty()) {
      throw lines.error(0, "no words");
    }
    return new CategorizationDataset(file.getFileName().toString(), words);
  }

  private static List<String> lowered(List<String> fields) {
    List<String> out = new ArrayList<>(fields.size());
    for (String f : fields) {
      out.add(f.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
