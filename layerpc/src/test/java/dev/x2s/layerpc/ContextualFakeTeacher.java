package dev.x2s.layerpc;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic "contextual" teacher for tests: a word's vector depends on the word, its neighbours,
 * its position and the layer (see {@link #value}), never on the batch. Counts encode calls.
 */
public class ContextualFakeTeacher implements Teacher {
  static final int LAYERS = 4;
  static final int DIM = 6;
  int encodeCalls;

  static float value(List<String> s, int p, int layer, int d) {
    int self = s.get(p).hashCode();
    int left = p > 0 ? s.get(p - 1).hashCode() : 17;
    int right = p + 1 < s.size() ? s.get(p + 1).hashCode() : 31;
    // a shared word direction (anisotropy) plus context-dependent noise
    double base = Math.sin(self * 0.001 + d * 1.3) + 0.5;
    double ctx = Math.sin(left * 0.37 + right * 0.11 + p * 0.7 + d * 2.1 + layer * 0.9);
    return (float) (base + 0.1 * layer * ctx + 0.05 * d);
  }

  @Override
  public TeacherInfo info() {
    return new TeacherInfo("fake-contextual", "fake", LAYERS, DIM, 0, "test");
  }

  @Override
  public TokenizedSentence tokenize(List<String> words) {
    return TokenizedSentence.wordsAsPieces(words);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    encodeCalls++;
    List<WordStates> out = new ArrayList<>();
    for (TokenizedSentence t : sentences) {
      List<String> s = t.words();
      int layers = maxLayer + 1;
      float[] data = new float[layers * s.size() * DIM];
      for (int l = 0; l < layers; l++) {
        for (int w = 0; w < s.size(); w++) {
          for (int d = 0; d < DIM; d++) {
            data[(l * s.size() + w) * DIM + d] = value(s, w, l, d);
          }
        }
      }
      out.add(new WordStates(layers, s.size(), DIM, data));
    }
    return out;
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    for (String w : words) {
      out.add(List.of(w));
    }
    return out;
  }

  @Override
  public void close() {}
}
