package dev.x2s.layerpc;

import dev.x2s.layerpc.occurrence.SamplePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words a run ships: the corpus words with at least {@code minCount} occurrences, most frequent first
 * (the plan's order), then the word list's other entries in list order. Frequency order first, as word2vec
 * and GloVe files are, so "the first N rows" (analogy search spaces, post-processing fits) are the frequent
 * words.
 */
public final class ShippedVocabulary {
  private ShippedVocabulary() {}

  /**
   * @param plan the corpus plan, or null (no corpus method)
   * @param minCount occurrences a corpus word needs
   * @param list extra entries, or null
   */
  public static List<String> of(SamplePlan plan, int minCount, List<String> list) {
    List<String> frequent = new ArrayList<>();
    if (plan != null) {
      String[] words = plan.words();
      for (int w = 0; w < words.length; w++) {
        if (plan.occurrences(w) >= minCount) {
          frequent.add(words[w]);
        }
      }
    }
    return of(frequent, list, minCount);
  }

  /**
   * @param frequent corpus words with enough occurrences, most frequent first (counted over more sentences than
   *     the teacher reads, or the plan's)
   * @param list extra entries, or null
   */
  public static List<String> of(List<String> frequent, List<String> list, int minCount) {
    Set<String> out = new LinkedHashSet<>(frequent);
    if (list != null) {
      out.addAll(list);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("nothing to ship: no corpus word has " + minCount
          + " occurrences and there is no word list");
    }
    return new ArrayList<>(out);
  }

  /** Where the shipped vectors came from, for provenance: counted while writing. */
  static final class Sources {
    private long corpusOnly;
    private long blended;
    private long decontextOnly;

    /** One word: has a corpus vector or not; its occurrences; the blend κ. */
    void add(boolean hasCorpus, long occurrences, double kappa) {
      if (!hasCorpus) {
        decontextOnly++;
      } else if (kappa == 0) {
        corpusOnly++;
      } else {
        blended++;
      }
    }

    Map<String, Object> describe(int words, int minCount, double kappa) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("words", words);
      m.put("min_count", minCount);
      m.put("blend_kappa", kappa);
      m.put("from_corpus", corpusOnly);
      m.put("corpus_blended_with_decontext", blended);
      m.put("from_decontext_only", decontextOnly);
      return m;
    }
  }
}
