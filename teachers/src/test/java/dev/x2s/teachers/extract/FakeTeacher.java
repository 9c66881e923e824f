package dev.x2s.teachers.extract;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic teacher for tests: word {@code w} at position {@code p}, layer {@code l}, component
 * {@code k} gets {@link #value}; pieces are 3-character chunks of the word. Records every batch and
 * counts how often each sentence is tokenised.
 */
class FakeTeacher implements Teacher {
  static final int LAYERS = 4;
  static final int DIM = 3;
  final List<List<List<String>>> batches = new ArrayList<>();
  final java.util.Map<List<String>, Integer> tokenized = new java.util.HashMap<>();
  int piecesCalls;

  /** Exact in float: below 2^24. */
  static float value(String word, int position, int layer, int k) {
    int h = word.hashCode() & 0x3ff;
    return ((h * 64 + (position & 63)) * LAYERS + layer) * DIM + k;
  }

  @Override
  public TeacherInfo info() {
    return new TeacherInfo("fake", "fake", LAYERS, DIM, 0, "test");
  }

  @Override
  public TokenizedSentence tokenize(List<String> words) {
    tokenized.merge(words, 1, Integer::sum);
    int[] counts = words.stream().mapToInt(FakeTeacher::pieceCount).toArray();
    int n = java.util.Arrays.stream(counts).sum();
    int[] wordOf = new int[n];
    for (int w = 0, p = 0; w < counts.length; w++) {
      for (int k = 0; k < counts[w]; k++) {
        wordOf[p++] = w;
      }
    }
    return new TokenizedSentence(words, new int[n], wordOf);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    batches.add(sentences.stream().map(TokenizedSentence::words).toList());
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

  static int pieceCount(String word) {
    return (word.length() + 2) / 3;
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    piecesCalls++;
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
  public void close() {}
}
