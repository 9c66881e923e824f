package dev.x2s.x2static;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic teacher for tests: the vector of word {@code w} at position {@code p}, layer {@code l},
 * component {@code k} is {@link #value}; pieces are 3-character chunks of the word. It can be told to
 * fail after encoding a number of sentences, to simulate an interrupted run.
 */
final class FakeTeacher implements Teacher {
  static final int LAYERS = 3;
  static final int DIM = 8;
  private final String id;
  private final long failAfterSentences;
  long encoded;
  boolean closed;

  FakeTeacher(String id) {
    this(id, Long.MAX_VALUE);
  }

  FakeTeacher(String id, long failAfterSentences) {
    this.id = id;
    this.failAfterSentences = failAfterSentences;
  }

  /** In [-1, 1): a hash of word, position, layer and component. */
  static float value(String word, int position, int layer, int k) {
    int h = word.hashCode() * 31 + (position % 5) * 7 + layer * 131 + k * 1009;
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return ((h & 0xffff) - 32768) / 32768f;
  }

  @Override
  public TeacherInfo info() {
    return new TeacherInfo(id, "fake", LAYERS, DIM, 0, "test");
  }

  @Override
  public TokenizedSentence tokenize(List<String> words) {
    int n = words.stream().mapToInt(FakeTeacher::pieceCount).sum();
    int[] wordOf = new int[n];
    for (int w = 0, p = 0; w < words.size(); w++) {
      for (int k = pieceCount(words.get(w)); k > 0; k--) {
        wordOf[p++] = w;
      }
    }
    return new TokenizedSentence(words, new int[n], wordOf);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    if (encoded + sentences.size() > failAfterSentences) {
      throw new IllegalStateException("simulated teacher crash after " + encoded + " sentences");
    }
    encoded += sentences.size();
    List<WordStates> out = new ArrayList<>();
    for (TokenizedSentence t : sentences) {
      List<String> s = t.words();
      int layers = maxLayer + 1;
      float[] data = new float[layers * s.size() * DIM];
      for (int l = 0; l < layers; l++) {
        for (int w = 0; w < s.size(); w++) {
          for (int k = 0; k < DIM; k++) {
            data[(l * s.size() + w) * DIM + k] = value(s.get(w), w, l, k);
          }
        }
      }
      out.add(new WordStates(layers, s.size(), DIM, data, t.pieceCounts()));
    }
    return out;
  }

  /** At least one piece: an empty word (none reach a teacher) would still be one. */
  static int pieceCount(String word) {
    return Math.max(1, (word.length() + 2) / 3);
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    for (String w : words) {
      List<String> p = new ArrayList<>();
      for (int i = 0; i < w.length(); i += 3) {
        p.add(w.substring(i, Math.min(w.length(), i + 3)));
      }
      out.add(p);
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
  }
}
