package dev.x2s.teachers.wordpiece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's WordPiece tokenizer (Google's {@code FullTokenizer}: {@link BasicTokenizer} then greedy
 * longest-match-first word pieces with {@code ##} continuations; a basic token longer than 100
 * characters, or one that cannot be covered by vocabulary pieces, becomes {@code [UNK]}).
 *
 * <p>For x2s, input is already split into words: {@link #encodeWords} tokenizes each word on its own, so
 * every piece belongs to exactly one word (a word the basic tokenizer splits, like {@code don't}, gets
 * several pieces). A word that yields no pieces at all (only control characters) gets {@code [UNK]} so
 * that every word has a vector.
 */
public final class WordPieceTokenizer {
  /** Google's {@code max_input_chars_per_word}. */
  public static final int MAX_CHARS_PER_WORD = 100;

  private final Map<String, Integer> vocab;
  private final String[] pieces;
  private final BasicTokenizer basic;
  private final int unk;
  private final int cls;
  private final int sep;

  /**
   * @param vocab the vocabulary, id = position
   * @param lowerCase lower-case and strip accents (uncased models)
   */
  public WordPieceTokenizer(List<String> vocab, boolean lowerCase) {
    this.pieces = vocab.toArray(new String[0]);
    this.vocab = new HashMap<>(vocab.size() * 2);
    for (int i = 0; i < pieces.length; i++) {
      this.vocab.putIfAbsent(pieces[i], i);
    }
    this.basic = new BasicTokenizer(lowerCase);
    this.unk = require("[UNK]");
    this.cls = this.vocab.getOrDefault("[CLS]", -1);
    this.sep = this.vocab.getOrDefault("[SEP]", -1);
  }

  /** Reads a {@code vocab.txt} (one piece per line, stripped, id = line number from 0). */
  public static WordPieceTokenizer load(Path vocabTxt, boolean lowerCase) {
    List<String> lines;
    try {
      lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary " + vocabTxt, e);
    }
    List<String> vocab = new ArrayList<>(lines.size());
    for (String l : lines) {
      vocab.add(l.strip());
    }
    try {
      return new WordPieceTokenizer(vocab, lowerCase);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(vocabTxt + ": " + e.getMessage(), e);
    }
  }

  private int require(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("vocabulary has no " + token);
    }
    return id;
  }

  public int size() {
    return pieces.length;
  }

  public boolean lowerCase() {
    return basic.lowerCase();
  }

  public int unkId() {
    return unk;
  }

  public int clsId() {
    return cls;
  }

  public int sepId() {
    return sep;
  }

  /** The piece with this id. */
  public String piece(int id) {
    return pieces[id];
  }

  /** Full tokenization of free text to pieces (Google's {@code FullTokenizer.tokenize}). */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    for (String t : basic.tokenize(text)) {
      wordPieces(t, out, null);
    }
    return out;
  }

  /** The pieces of each word, tokenized on its own. */
  public List<List<String>> pieces(List<String> words) {
    List<List<String>> out = new ArrayList<>(words.size());
    Encoded e = encodeWords(words);
    for (int w = 0, p = 0; w < words.size(); w++) {
      List<String> ps = new ArrayList<>();
      for (; p < e.ids().length && e.wordOfPiece()[p] == w; p++) {
        ps.add(pieces[e.ids()[p]]);
      }
      out.add(ps);
    }
    return out;
  }

  /**
   * A sentence's piece ids (no special tokens) and the word of each piece.
   *
   * @param ids piece ids
   * @param wordOfPiece word index of each piece, non-decreasing, every word present
   */
  public record Encoded(int[] ids, int[] wordOfPiece) {}

  /** Tokenizes each word on its own (see class comment). */
  public Encoded encodeWords(List<String> words) {
    int[] ids = new int[words.size() * 2];
    int[] owner = new int[ids.length];
    int n = 0;
    List<String> basicTokens = new ArrayList<>(4);
    List<Integer> wordIds = new ArrayList<>(8);
    for (int w = 0; w < words.size(); w++) {
      basicTokens.clear();
      wordIds.clear();
      basic.tokenize(words.get(w), basicTokens);
      for (String t : basicTokens) {
        wordPieces(t, null, wordIds);
      }
      if (wordIds.isEmpty()) {
        wordIds.add(unk);
      }
      if (n + wordIds.size() > ids.length) {
        int cap = Math.max(ids.length * 2, n + wordIds.size());
        ids = Arrays.copyOf(ids, cap);
        owner = Arrays.copyOf(owner, cap);
      }
      for (int id : wordIds) {
        ids[n] = id;
        owner[n] = w;
        n++;
      }
    }
    return new Encoded(Arrays.copyOf(ids, n), Arrays.copyOf(owner, n));
  }

  /** Greedy longest-match-first pieces of one basic token, to {@code out} (strings) or {@code outIds}. */
  private void wordPieces(String token, List<String> out, List<Integer> outIds) {
    int[] cps = token.codePoints().toArray();
    if (cps.length > MAX_CHARS_PER_WORD) {
      emit(unk, out, outIds);
      return;
    }
    int mark = out != null ? out.size() : outIds.size();
    int start = 0;
    while (start < cps.length) {
      int end = cps.length;
      int found = -1;
      while (start < end) {
        String sub = new String(cps, start, end - start);
        Integer id = vocab.get(start > 0 ? "##" + sub : sub);
        if (id != null) {
          found = id;
          break;
        }
        end--;
      }
      if (found < 0) {
        // unmatchable: the whole token is [UNK]
        if (out != null) {
          out.subList(mark, out.size()).clear();
        } else {
          outIds.subList(mark, outIds.size()).clear();
        }
        emit(unk, out, outIds);
        return;
      }
      emit(found, out, outIds);
      start = end;
    }
  }

  private void emit(int id, List<String> out, List<Integer> outIds) {
    if (out != null) {
      out.add(pieces[id]);
    } else {
      outIds.add(id);
    }
  }
}
