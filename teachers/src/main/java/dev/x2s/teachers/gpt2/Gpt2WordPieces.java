package dev.x2s.teachers.gpt2;

import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.bpe.ByteLevelBpe;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps x2s words to GPT-2 pieces. Word {@code i}'s pieces are the BPE of {@code word} for the first
 * word and {@code " " + word} after it, as GPT-2 sees a space-separated sentence; so each piece belongs
 * to exactly one word, and a word's leading space is in its first piece ({@code Ġword}). A word may
 * still become several pre-tokens (e.g. {@code don't} → {@code Ġdon}, {@code 't}); all its pieces are
 * its own. No special tokens are added here (see {@link Gpt2Teacher} for the optional BOS).
 */
public final class Gpt2WordPieces {
  private final ByteLevelBpe bpe;

  public Gpt2WordPieces(ByteLevelBpe bpe) {
    this.bpe = bpe;
  }

  public ByteLevelBpe bpe() {
    return bpe;
  }

  /** Pieces of a sentence of words; every word must be non-empty. */
  public TokenizedSentence map(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty sentence");
    }
    int[][] per = new int[words.size()][];
    int total = 0;
    for (int i = 0; i < per.length; i++) {
      per[i] = wordIds(words.get(i), i == 0);
      total += per[i].length;
    }
    int[] ids = new int[total];
    int[] wordOf = new int[total];
    int o = 0;
    for (int i = 0; i < per.length; i++) {
      System.arraycopy(per[i], 0, ids, o, per[i].length);
      java.util.Arrays.fill(wordOf, o, o + per[i].length, i);
      o += per[i].length;
    }
    return new TokenizedSentence(words, ids, wordOf);
  }

  /** The piece ids of one word, with its leading space unless it opens the sentence. */
  public int[] wordIds(String word, boolean first) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("empty word");
    }
    return bpe.encode(first ? word : " " + word);
  }

  /** Per word, its pieces as byte-level token strings (e.g. {@code [Hello], [Ġworld]}). */
  public List<List<String>> pieces(List<String> words) {
    List<List<String>> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      List<String> ps = new ArrayList<>();
      for (int id : wordIds(words.get(i), i == 0)) {
        ps.add(bpe.token(id));
      }
      out.add(List.copyOf(ps));
    }
    return List.copyOf(out);
  }
}
