package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads SemEval-2012 Task 2 from a directory holding {@code dev/} and {@code test/}, each with
 * {@code GoldRatings-<cat>.txt} and {@code Phase1Questions-<cat>.txt} per category.
 */
public final class SemEvalLoader {
  static final String PROTOTYPES_START = "Consider the following word pairs:";
  static final String PROTOTYPES_END = "What relation best describes";
  private static final Pattern GOLD_FILE = Pattern.compile("GoldRatings-(\\d+)([a-z]+)\\.txt");
  private static final Pattern GOLD_LINE = Pattern.compile("(\\S+)\\s+\"([^\"]*)\"");

  private SemEvalLoader() {}

  public static RelationDataset load(Path dir) throws IOException {
    List<RelationCategory> categories = new ArrayList<>();
    for (String split : List.of("dev", "test")) {
      Path sub = dir.resolve(split);
      if (!Files.isDirectory(sub)) {
        throw new BenchmarkFormatException(sub, 0, "SemEval-2012 directory has no " + split + "/");
      }
      List<Path> golds;
      try (Stream<Path> s = Files.list(sub)) {
        golds =
            s.filter(p -> GOLD_FILE.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing(SemEvalLoader::categoryOrder))
                .toList();
      }
      for (Path gold : golds) {
        Matcher m = GOLD_FILE.matcher(gold.getFileName().toString());
        m.matches();
        String id = m.group(1) + m.group(2);
        Path questions = sub.resolve("Phase1Questions-" + id + ".txt");
        if (!Files.isRegularFile(questions)) {
          throw new BenchmarkFormatException(questions, 0, "missing (needed for " + gold + ")");
        }
        categories.add(new RelationCategory(id, split, prototypes(questions), gold(gold)));
      }
    }
    if (categories.isEmpty()) {
      throw new BenchmarkFormatException(dir, 0, "no GoldRatings-<category>.txt files");
    }
    return new RelationDataset(dir.getFileName().toString(), categories);
  }

  /** The {@code x:y} lines between the two marker lines of a {@code Phase1Questions} file. */
  public static List<WordPair> prototypes(Path file) throws IOException {
    TextLines lines = TextLines.read(file);
    List<WordPair> out = new ArrayList<>();
    int n = 1;
    while (n <= lines.size() && !lines.get(n).contains(PROTOTYPES_START)) {
      n++;
    }
    if (n > lines.size()) {
      throw lines.error(0, "no line '" + PROTOTYPES_START + "'");
    }
    for (n++; n <= lines.size(); n++) {
      String line = lines.get(n).trim();
      if (line.contains(PROTOTYPES_END)) {
        break;
      }
      if (line.isEmpty()) {
        continue;
      }
      out.add(pair(lines, n, line));
    }
    if (n > lines.size()) {
      throw lines.error(0, "no line '" + PROTOTYPES_END + "'");
    }
    if (out.isEmpty()) {
      throw lines.error(0, "no prototype pairs");
    }
    return out;
  }

  /** The rated pairs of a {@code GoldRatings} file ({@code #} lines are comments). */
  public static List<RatedPair> gold(Path file) throws IOException {
    TextLines lines = TextLines.read(file);
    List<RatedPair> out = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = GOLD_LINE.matcher(line);
      if (!m.matches() || !Fields.isNumber(m.group(1))) {
        throw lines.error(n, "expected '<rating> \"x:y\"', got '" + line + "'");
      }
      WordPair p = pair(lines, n, m.group(2));
      out.add(new RatedPair(p.first(), p.second(), Double.parseDouble(m.group(1))));
    }
    if (out.isEmpty()) {
      throw lines.error(0, "no rated pairs");
    }
    return out;
  }

  /** {@code x:y}, tolerating spaces around the parts ({@code bulwark: flimsy} in 6a). */
  private static WordPair pair(TextLines lines, int n, String text)
      throws BenchmarkFormatException {
    int colon = text.indexOf(':');
    if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
      throw lines.error(n, "expected one 'x:y' pair, got '" + text + "'");
    }
    String x = text.substring(0, colon).trim();
    String y = text.substring(colon + 1).trim();
    if (x.isEmpty() || y.isEmpty()) {
      throw lines.error(n, "empty word in pair '" + text + "'");
    }
    return new WordPair(x, y);
  }

  /** 1a < 1b < 2a < 10a: number first, then letters. */
  private static String categoryOrder(Path gold) {
    Matcher m = GOLD_FILE.matcher(gold.getFileName().toString());
    m.matches();
    return String.format("%06d%s", Integer.parseInt(m.group(1)), m.group(2));
  }
}
