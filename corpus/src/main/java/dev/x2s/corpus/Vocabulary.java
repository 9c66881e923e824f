package dev.x2s.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The student's target vocabulary: words with their corpus counts, ordered by count (descending) then
 * by word (so the order, and therefore every id, is deterministic). Ids are row numbers of the
 * student's matrix.
 */
public final class Vocabulary {
  private final String[] words;
  private final long[] counts;
  private final long totalTokens;
  private final Map<String, Integer> ids;

  private Vocabulary(String[] words, long[] counts, long totalTokens) {
    this.words = words;
    this.counts = counts;
    this.totalTokens = totalTokens;
    this.ids = new HashMap<>(words.length * 2);
    for (int i = 0; i < words.length; i++) {
      ids.put(words[i], i);
    }
  }

  /**
   * Builds a vocabulary from word counts.
   *
   * @param counts corpus counts of every word seen
   * @param minCount words seen fewer times are dropped
   * @param maxSize keep at most this many of the most frequent words (0 = no limit)
   * @throws IllegalArgumentException if no word survives (the message says why)
   */
  public static Vocabulary build(Map<String, Long> counts, int minCount, int maxSize) {
    long total = 0;
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      total += e.getValue();
      if (e.getValue() >= minCount) {
        kept.add(e);
      }
    }
    kept.sort(
        Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    if (maxSize > 0 && kept.size() > maxSize) {
      kept = kept.subList(0, maxSize);
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "the vocabulary is empty: " + counts.size() + " distinct words, " + total
              + " tokens, none seen at least min_count=" + minCount + " times");
    }
    String[] w = new String[kept.size()];
    long[] c = new long[kept.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = kept.get(i).getKey();
      c[i] = kept.get(i).getValue();
    }
    return new Vocabulary(w, c, total);
  }

  public int size() {
    return words.length;
  }

  public String word(int id) {
    return words[id];
  }

  public long count(int id) {
    return counts[id];
  }

  /** All corpus tokens counted, including those of dropped words (the subsampling denominator). */
  public long totalTokens() {
    return totalTokens;
  }

  /** Id of {@code word}, or -1. */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  public String[] words() {
    return words.clone();
  }

  public long[] counts() {
    return counts.clone();
  }

  /** Writes {@code word<TAB>count} lines, with a {@code #total<TAB>N} first line, atomically. */
  public void save(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("#total\t").append(totalTokens).append('\n');
    for (int i = 0; i < words.length; i++) {
      sb.append(words[i]).append('\t').append(counts[i]).append('\n');
    }
    dev.x2s.vectors.AtomicFiles.writeString(file, sb.toString());
  }

  /** Reads a file written by {@link #save}; errors name the file and line. */
  public static Vocabulary load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("#total\t")) {
      throw new IOException(file + ":1: expected '#total<TAB>N' header");
    }
    long total;
    try {
      total = Long.parseLong(lines.get(0).substring(7));
    } catch (NumberFormatException e) {
      throw new IOException(file + ":1: bad total: " + lines.get(0), e);
    }
    String[] w = new String[lines.size() - 1];
    long[] c = new long[w.length];
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        throw new IOException(file + ":" + (i + 1) + ": expected 'word<TAB>count'");
      }
      w[i - 1] = line.substring(0, tab);
      try {
        c[i - 1] = Long.parseLong(line.substring(tab + 1));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": bad count: " + line.substring(tab + 1), e);
      }
    }
    if (w.length == 0) {
      throw new IOException(file + ": the vocabulary is empty");
    }
    return new Vocabulary(w, c, total);
  }

  @Override
  public String toString() {
    return "Vocabulary[" + words.length + " words, " + totalTokens + " tokens, top "
        + Arrays.toString(Arrays.copyOf(words, Math.min(5, words.length))) + "]";
  }
}
