package dev.x2s.layerpc.occurrence;

import dev.x2s.corpus.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pass 1: occurrences and distinct contexts (sentences) of every word. The table holds at most
 * {@code maxEntries} words: when it is full, words seen in at most {@code r} sentences are dropped and
 * {@code r} grows by one each time (word2vec's {@code ReduceVocab}), so memory stays bounded on any
 * corpus; a dropped word that comes back starts again from zero, so counts of words that were pruned are
 * lower bounds (the sampling pass recounts the kept words exactly). {@link #pruneLevel()} tells whether
 * it happened.
 */
public final class CorpusCounts {
  /** occurrences, contexts, last sentence id. */
  private final Map<String, long[]> table = new HashMap<>();
  /** Longer words (long URLs) are never kept. */
  public static final int MAX_WORD_CHARS = 1000;
  private final int maxEntries;
  private long pruneLevel;
  private long sentences;
  private long words;

  public CorpusCounts(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  public void addAll(Iterator<Sentence> it) {
    while (it.hasNext()) {
      add(it.next());
    }
  }

  public void add(Sentence s) {
    sentences++;
    words += s.size();
    for (String w : s.words()) {
      long[] c = table.get(w);
      if (c == null) {
        if (table.size() >= maxEntries) {
          prune();
        }
        c = new long[] {0, 0, -1};
        table.put(w, c);
      }
      c[0]++;
      if (c[2] != s.id()) {
        c[1]++;
        c[2] = s.id();
      }
    }
  }

  private void prune() {
    while (table.size() >= maxEntries) {
      pruneLevel++;
      long level = pruneLevel;
      table.values().removeIf(c -> c[1] <= level);
    }
  }

  public long sentences() {
    return sentences;
  }

  public long words() {
    return words;
  }

  public int distinctWords() {
    return table.size();
  }

  /** 0 when no word was ever dropped; else the largest context count of dropped words. */
  public long pruneLevel() {
    return pruneLevel;
  }

  /** Words with at least {@code minOccurrences} occurrences, most frequent first (ties by word), at most {@code max}. */
  public List<String> frequent(long minOccurrences, int max) {
    return mostFrequent(c -> c[0] >= minOccurrences, max);
  }

  /** Words in at least {@code minContexts} sentences, most frequent first (ties by word), at most {@code max}. */
  public List<String> kept(int minContexts, int max) {
    return mostFrequent(c -> c[1] >= minContexts, max);
  }

  /** The words whose counts ({@code [occurrences, contexts, …]}) pass {@code keep}, by occurrences then word. */
  private List<String> mostFrequent(java.util.function.Predicate<long[]> keep, int max) {
    List<Map.Entry<String, long[]>> e = new ArrayList<>();
    for (Map.Entry<String, long[]> x : table.entrySet()) {
      if (keep.test(x.getValue()) && x.getKey().length() <= MAX_WORD_CHARS) {
        e.add(x);
      }
    }
    e.sort((a, b) -> {
      int c = Long.compare(b.getValue()[0], a.getValue()[0]);
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    List<String> out = new ArrayList<>(Math.min(e.size(), max));
    for (int i = 0; i < e.size() && i < max; i++) {
      out.add(e.get(i).getKey());
    }
    return out;
  }

  /** The word in the most sentences and that count, for messages; null when empty. */
  public Map.Entry<String, Long> mostContexts() {
    Map.Entry<String, Long> best = null;
    for (Map.Entry<String, long[]> x : table.entrySet()) {
      if (best == null || x.getValue()[1] > best.getValue()
          || (x.getValue()[1] == best.getValue() && x.getKey().compareTo(best.getKey()) < 0)) {
        best = Map.entry(x.getKey(), x.getValue()[1]);
      }
    }
    return best;
  }
}
