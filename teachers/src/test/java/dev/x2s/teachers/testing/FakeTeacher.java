package dev.x2s.teachers.testing;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic teacher for tests, with no model behind it: the state of word {@code w} at position
 * {@code p}, layer {@code l}, component {@code k} is {@link #value}, a hash in [-1, 1); its pieces are
 * 3-character chunks of the word. It records what it was asked (batches, tokenisations, piece requests,
 * closing) and
 * can be told to fail after encoding a number of sentences, to simulate an interrupted run.
 *
 * <p>Subclasses change the states ({@link #state}) and the pieces; see {@link ContextualFakeTeacher}
 * and {@link TopicTeacher}.
 */
public class FakeTeacher implements Teacher {
  public static final int LAYERS = 3;
  public static final int DIM = 8;

  private final String id;
  private final int layers;
  private final int dim;
  private final long failAfterSentences;
  private final List<List<List<String>>> batches = new ArrayList<>();
  private final Map<List<String>, Integer> tokenized = new HashMap<>();
  private long encodedSentences;
  private int encodeCalls;
  private int piecesCalls;
  private boolean closed;

  public FakeTeacher() {
    this("fake");
  }

  public FakeTeacher(String id) {
    this(id, Long.MAX_VALUE);
  }

  /** A teacher that throws {@link IllegalStateException} once asked for more than {@code failAfterSentences}. */
  public FakeTeacher(String id, long failAfterSentences) {
    this(id, LAYERS, DIM, failAfterSentences);
  }

  protected FakeTeacher(String id, int layers, int dim, long failAfterSentences) {
    this.id = id;
    this.layers = layers;
    this.dim = dim;
    this.failAfterSentences = failAfterSentences;
  }

  /** In [-1, 1): a hash of word, position, layer and component (the whole position, so a shift shows). */
  public static float value(String word, int position, int layer, int k) {
    int h = mix(word.hashCode());
    h = mix(h + position);
    h = mix(h + layer);
    h = mix(h + k);
    return ((h & 0xffff) - 32768) / 32768f;
  }

  /** MurmurHash3's 32-bit finaliser. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** The number of pieces {@link #piecesOf} makes of {@code word} (subclasses may differ). */
  public static int pieceCount(String word) {
    return (word.length() + 2) / 3;
  }

  /** The state of word {@code position} of {@code sentence} at {@code layer}, component {@code k}. */
  protected float state(List<String> sentence, int position, int layer, int k) {
    return value(sentence.get(position), position, layer, k);
  }

  @Override
  public TeacherInfo info() {
    return new TeacherInfo(id, "fake", layers, dim, 0, "test");
  }

  @Override
  public TokenizedSentence tokenize(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty sentence");
    }
    tokenized.merge(List.copyOf(words), 1, Integer::sum);
    int n = 0;
    for (String w : words) {
      n += piecesOf(w).size();
    }
    int[] wordOf = new int[n];
    for (int w = 0, p = 0; w < words.size(); w++) {
      for (int k = piecesOf(words.get(w)).size(); k > 0; k--) {
        wordOf[p++] = w;
      }
    }
    return new TokenizedSentence(words, new int[n], wordOf);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    if (maxLayer < 0 || maxLayer >= layers) {
      throw new IllegalArgumentException("layer " + maxLayer + " out of range 0.." + (layers - 1));
    }
    if (encodedSentences + sentences.size() > failAfterSentences) {
      throw new IllegalStateException("simulated teacher crash after " + encodedSentences + " sentences");
    }
    encodeCalls++;
    encodedSentences += sentences.size();
    batches.add(sentences.stream().map(TokenizedSentence::words).toList());
    List<WordStates> out = new ArrayList<>(sentences.size());
    for (TokenizedSentence t : sentences) {
      List<String> s = t.words();
      int n = maxLayer + 1;
      float[] data = new float[n * s.size() * dim];
      for (int l = 0; l < n; l++) {
        for (int w = 0; w < s.size(); w++) {
          for (int k = 0; k < dim; k++) {
            data[(l * s.size() + w) * dim + k] = state(s, w, l, k);
          }
        }
      }
      out.add(new WordStates(n, s.size(), dim, data, t.pieceCounts()));
    }
    return out;
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    piecesCalls++;
    List<List<String>> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(piecesOf(w));
    }
    return out;
  }

  /** The pieces of one word: 3-character chunks. */
  protected List<String> piecesOf(String word) {
    List<String> p = new ArrayList<>();
    for (int i = 0; i < word.length(); i += 3) {
      p.add(word.substring(i, Math.min(word.length(), i + 3)));
    }
    return p;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** How often each sentence was tokenised. */
  public Map<List<String>, Integer> tokenized() {
    return Collections.unmodifiableMap(tokenized);
  }

  /** Every batch {@link #encodeTokenized} was given, in order (as words). */
  public List<List<List<String>>> batches() {
    return Collections.unmodifiableList(batches);
  }

  public int encodeCalls() {
    return encodeCalls;
  }

  /** Sentences encoded so far. */
  public long encodedSentences() {
    return encodedSentences;
  }

  public int piecesCalls() {
    return piecesCalls;
  }

  public boolean isClosed() {
    return closed;
  }
}
