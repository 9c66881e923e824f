package dev.x2s.x2static;

import dev.x2s.corpus.Vocabulary;

import dev.x2s.x2static.cache.ContextCache;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The cached sentences as vocabulary ids (−1 for words outside the vocabulary, so that position {@code j}
 * of sentence {@code s} is word {@code offset(s) + j} of the corpus — the context row of a per-word cache),
 * in one flat array with per-sentence offsets, plus the vocabulary built from the words' counts.
 */
final class CorpusIds {
  final Vocabulary vocab;
  private final int[] ids;
  private final long[] offsets;

  private CorpusIds(Vocabulary vocab, int[] ids, long[] offsets) {
    this.vocab = vocab;
    this.ids = ids;
    this.offsets = offsets;
  }

  /** Counts the cache's words, builds the vocabulary and maps every sentence to ids (two passes). */
  static CorpusIds load(ContextCache cache, int minCount, int maxVocab) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    cache.forEachSentence((i, words) -> {
      for (String w : words) {
        counts.merge(w, 1L, Long::sum);
      }
    });
    Vocabulary vocab;
    try {
      vocab = Vocabulary.build(counts, minCount, maxVocab);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cache.dir() + " (" + cache.size() + " sentences of "
          + cache.manifest().corpusPath() + "): " + e.getMessage() + "; lower --min-count or use more text", e);
    }
    long n = cache.size();
    long[] offsets = new long[(int) n + 1];
    int[][] buf = {new int[1 << 16]};
    long[] used = {0};
    cache.forEachSentence((i, words) -> {
      for (String w : words) {
        if (used[0] == buf[0].length) {
          if (buf[0].length == Integer.MAX_VALUE - 8) {
            throw new IOException("more than 2^31 tokens in " + cache.dir());
          }
          buf[0] = Arrays.copyOf(buf[0], (int) Math.min(Integer.MAX_VALUE - 8L, buf[0].length * 2L));
        }
        buf[0][(int) used[0]++] = vocab.id(w);
      }
      offsets[(int) i + 1] = used[0];
    });
    if (cache.perWord() && used[0] != cache.rows()) {
      throw new IOException(cache.dir() + ": " + used[0] + " words but " + cache.rows() + " per-word context rows");
    }
    return new CorpusIds(vocab, Arrays.copyOf(buf[0], (int) used[0]), offsets);
  }

  int sentences() {
    return offsets.length - 1;
  }

  /** Corpus word index of the first word of {@code sentence}. */
  long offset(int sentence) {
    return offsets[sentence];
  }

  /** Tokens (all words) in all sentences. */
  long tokens() {
    return offsets[offsets.length - 1];
  }

  int[] ids(int sentence) {
    return Arrays.copyOfRange(ids, (int) offsets[sentence], (int) offsets[sentence + 1]);
  }

  int length(int sentence) {
    return (int) (offsets[sentence + 1] - offsets[sentence]);
  }
}
