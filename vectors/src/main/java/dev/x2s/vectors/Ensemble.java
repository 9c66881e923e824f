package dev.x2s.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Several vector files of the same words made into one: each input is centred on the mean of its first
 * {@code fitRows} rows (the frequent words of a frequency-ordered file) and its rows made unit length, so that
 * no input dominates by its offset or its scale; then the rows are concatenated (each part scaled by 1/√k,
 * so rows stay unit length and a cosine is the mean of the inputs' cosines) or averaged (same widths only).
 * The words are the first input's, in its order, that every input has.
 */
public final class Ensemble {
  /** How the normalised inputs are joined. */
  public enum Mode {
    /** Side by side: width = the sum of the widths; cosine = mean of the inputs' cosines. */
    CONCAT,
    /** Element-wise mean: the inputs must share a width (e.g. layers of one teacher). */
    AVERAGE
  }

  private Ensemble() {}

  /**
   * @param inputs at least one
   * @param mode how to join
   * @param fitRows rows of each input whose mean is subtracted (at least 1; capped at the input's size)
   */
  public static WordVectors combine(List<WordVectors> inputs, Mode mode, int fitRows) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no vectors to combine");
    }
    if (fitRows < 1) {
      throw new IllegalArgumentException("fit rows must be >= 1: " + fitRows);
    }
    int k = inputs.size();
    int width = 0;
    for (WordVectors v : inputs) {
      if (mode == Mode.AVERAGE && v.dim() != inputs.get(0).dim()) {
        throw new IllegalArgumentException("average needs equal widths: " + v.dim() + " vs " + inputs.get(0).dim());
      }
      width = mode == Mode.CONCAT ? width + v.dim() : v.dim();
    }
    List<String> words = new ArrayList<>();
    for (String w : inputs.get(0).words()) {
      boolean all = true;
      for (WordVectors v : inputs) {
        all &= v.contains(w);
      }
      if (all) {
        words.add(w);
      }
    }
    List<double[]> means = new ArrayList<>();
    for (WordVectors v : inputs) {
      means.add(AllButTheTop.mean(fitRows >= v.size() ? v : v.head(fitRows)));
    }
    float[] out = new float[words.size() * width];
    double share = mode == Mode.CONCAT ? 1 / Math.sqrt(k) : 1.0 / k;
    for (int r = 0; r < words.size(); r++) {
      int offset = 0;
      for (int i = 0; i < k; i++) {
        WordVectors v = inputs.get(i);
        float[] x = v.vector(words.get(r));
        double[] mu = means.get(i);
        double norm = 0;
        for (int d = 0; d < x.length; d++) {
          double c = x[d] - mu[d];
          norm += c * c;
        }
        double scale = norm == 0 ? 0 : share / Math.sqrt(norm);
        for (int d = 0; d < x.length; d++) {
          out[r * width + offset + d] += (float) ((x[d] - mu[d]) * scale);
        }
        if (mode == Mode.CONCAT) {
          offset += x.length;
        }
      }
    }
    return new WordVectors(words.toArray(new String[0]), out, width);
  }
}
