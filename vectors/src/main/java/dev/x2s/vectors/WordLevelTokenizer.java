package dev.x2s.vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Hugging Face {@code tokenizer.json} of a static-embedding folder: a {@code WordLevel} model
 * (vocabulary word → row id, {@code [UNK]} for the rest), a {@code Lowercase} normalizer when every
 * word is lower-case, and the {@code Whitespace} pre-tokenizer ({@code \w+|[^\w\s]+}).
 *
 * <p>x2s's own word tokenizer keeps joined words whole ({@code well-known}, {@code don't},
 * {@code U.S.}, {@code 3.14}) and entries may hold spaces ({@code formic acid}); the pre-tokenizer would
 * split those. Every entry that is not a single {@code \w+} or {@code [^\w\s]+} piece is therefore
 * also an <em>added token</em> (non-special, {@code single_word}, matched on the normalized text before
 * pre-tokenization) with the same id, as Model2Vec does for its multi-word tokens: in text, such an
 * entry maps to its own row. {@code new_york} is one {@code \w+} piece already.
 */
final class WordLevelTokenizer {
  static final String PAD = "[PAD]";
  static final String UNK = "[UNK]";

  /** One piece of HF's {@code Whitespace} pre-tokenizer (Rust regex {@code \w} is Unicode, as here). */
  private static final Pattern ONE_PIECE =
      Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

  private WordLevelTokenizer() {}

  /** True when no word changes under {@code toLowerCase(Locale.ROOT)}: the normalizer lower-cases. */
  static boolean lowerCased(List<String> words) {
    for (String w : words) {
      if (!w.equals(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** A special-token name not among the words ({@code [UNK]}, else {@code [UNK]#}, …). */
  static String free(String base, WordVectors v) {
    String s = base;
    while (v.contains(s)) {
      s += "#";
    }
    return s;
  }

  /**
   * The tokenizer.json tree: ids {@code 0} = pad, {@code 1} = unk, word row {@code r} = id {@code r + 2}.
   */
  static Map<String, Object> tree(WordVectors v, String pad, String unk, boolean lowercase) {
    Map<String, Object> vocab = new LinkedHashMap<>(2 * (v.size() + 2));
    vocab.put(pad, 0);
    vocab.put(unk, 1);
    List<Object> added = new ArrayList<>();
    added.add(addedToken(0, pad, true));
    added.add(addedToken(1, unk, true));
    for (int r = 0; r < v.size(); r++) {
      String w = v.word(r);
      vocab.put(w, r + 2);
      if (!ONE_PIECE.matcher(w).matches()) {
        added.add(addedToken(r + 2, w, false));
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", "WordLevel");
    model.put("vocab", vocab);
    model.put("unk_token", unk);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("version", "1.0");
    t.put("truncation", null);
    t.put("padding", null);
    t.put("added_tokens", added);
    t.put("normalizer", lowercase ? Map.of("type", "Lowercase") : null);
    t.put("pre_tokenizer", Map.of("type", "Whitespace"));
    t.put("post_processor", null);
    t.put("decoder", null);
    t.put("model", model);
    return t;
  }

  private static Map<String, Object> addedToken(int id, String content, boolean special) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", id);
    a.put("content", content);
    a.put("single_word", !special);
    a.put("lstrip", false);
    a.put("rstrip", false);
    a.put("normalized", !special);
    a.put("special", special);
    return a;
  }
}
