package dev.x2s.teachers.extract;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic teacher for tests: word {@code w} at position {@code p}, layer {@code l}, component
 * {@code k} gets {@link #value}; pieces are 3-character chunks of the word. Records every batch.
 */
class FakeTeacher implements Teacher {
  static final int LAYERS = 4;
  static final int DIM = 3;
  final List<List<List<String>>> batches = new ArrayList<>();
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
  public List<WordStates> encode(List<List<String>> sentences, int maxLayer, PiecePooling pooling) {
    batches.add(List.copyOf(sentences));
    List<WordStates> out = new ArrayList<>();
    for (List<String> s : sentences) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("empty sentence");
      }
      int layers = maxLayer + 1;
      float[] data = new float[layers * s.size() * DIM];
      for (int l = 0; l < layers; l++) {
        for (int w = 0; w < s.size(); w++) {
          for (int k = 0; k < DIM; k++) {
            data[(l * s.size() + w) * DIM + k] = value(s.get(w), w, l, k);
          }
        }
      }
      out.add(new WordStates(layers, s.size(), DIM, data));
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
