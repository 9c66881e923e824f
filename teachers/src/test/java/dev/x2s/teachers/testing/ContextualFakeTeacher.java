package dev.x2s.teachers.testing;

import java.util.List;

/**
 * A deterministic "contextual" teacher for tests: a word's state depends on the word, its neighbours,
 * its position and the layer ({@link #value}), never on the batch; one piece per word.
 */
public class ContextualFakeTeacher extends FakeTeacher {
  public static final int LAYERS = 4;
  public static final int DIM = 6;

  public ContextualFakeTeacher() {
    super("fake-contextual", LAYERS, DIM, Long.MAX_VALUE);
  }

  /** A shared word direction (anisotropy) plus noise from the neighbours that grows with the layer. */
  public static float value(List<String> s, int p, int layer, int d) {
    int self = s.get(p).hashCode();
    int left = p > 0 ? s.get(p - 1).hashCode() : 17;
    int right = p + 1 < s.size() ? s.get(p + 1).hashCode() : 31;
    double base = Math.sin(self * 0.001 + d * 1.3) + 0.5;
    double ctx = Math.sin(left * 0.37 + right * 0.11 + p * 0.7 + d * 2.1 + layer * 0.9);
    return (float) (base + 0.1 * layer * ctx + 0.05 * d);
  }

  @Override
  protected float state(List<String> sentence, int position, int layer, int k) {
    return value(sentence, position, layer, k);
  }

  @Override
  protected List<String> piecesOf(String word) {
    return List.of(word);
  }
}
