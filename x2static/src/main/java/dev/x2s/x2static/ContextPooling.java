package dev.x2s.x2static;

import dev.x2s.teachers.WordStates;

/**
 * The X2Static context vector from a teacher's word vectors: the mean over the chosen layers, then the
 * mean over the <em>pieces</em> of a span of words.
 *
 * <p>Teachers return word vectors that are the mean of the word's pieces ({@code PiecePooling.MEAN}),
 * with each word's piece count ({@link WordStates#pieceCount}), so weighting each word by its piece count
 * gives exactly the mean over the span's pieces, as the release
 * computes it. Deviation: the release's mean also covers the special tokens ({@code [CLS]}, {@code [SEP]})
 * of the encoded sequence; this one covers the real pieces only.
 */
public final class ContextPooling {
  private ContextPooling() {}

  /**
   * Context vectors of consecutive spans of the encoded words.
   *
   * @param states the teacher's output for one encoded sequence (words × layers × dim), pooled with MEAN
   * @param layers resolved layer indices to average
   * @param spanLengths word counts of consecutive spans covering the sequence (one per sentence)
   * @return one context per span
   */
  public static float[][] spanMeans(WordStates states, int[] layers, int[] spanLengths) {
    int dim = states.dim();
    float[] data = states.data();
    float[][] out = new float[spanLengths.length][];
    int word = 0;
    for (int s = 0; s < spanLengths.length; s++) {
      double[] sum = new double[dim];
      long pieces = 0;
      for (int end = word + spanLengths[s]; word < end; word++) {
        int n = states.pieceCount(word);
        pieces += n;
        for (int layer : layers) {
          int o = states.offset(layer, word);
          for (int k = 0; k < dim; k++) {
            sum[k] += (double) n * data[o + k];
          }
        }
      }
      float[] c = new float[dim];
      double scale = 1.0 / ((double) pieces * layers.length);
      for (int k = 0; k < dim; k++) {
        c[k] = (float) (sum[k] * scale);
      }
      out[s] = c;
    }
    if (word != states.words()) {
      throw new IllegalArgumentException("spans cover " + word + " words, the sequence has " + states.words());
    }
    return out;
  }

  /**
   * The exclude-target extension: for every word of every span, the mean over the span's pieces except
   * that word's own pieces, {@code (Σ_span n·v − n_w·v_w) / (N − n_w)}; a zero vector (which leaves the
   * target's row untouched) when the word is the whole span.
   *
   * @return one context per word of the sequence, in order
   */
  public static float[][] leaveOneOutMeans(WordStates states, int[] layers, int[] spanLengths) {
    int dim = states.dim();
    float[] data = states.data();
    float[][] out = new float[states.words()][];
    int word = 0;
    for (int len : spanLengths) {
      double[] sum = new double[dim];
      long pieces = 0;
      double[][] own = new double[len][dim];
      for (int j = 0; j < len; j++) {
        int w = word + j;
        int n = states.pieceCount(w);
        pieces += n;
        for (int layer : layers) {
          int o = states.offset(layer, w);
          for (int k = 0; k < dim; k++) {
            double v = (double) n * data[o + k];
            own[j][k] += v;
            sum[k] += v;
          }
        }
      }
      for (int j = 0; j < len; j++) {
        int w = word + j;
        long rest = pieces - states.pieceCount(w);
        float[] c = new float[dim];
        if (rest > 0) {
          double scale = 1.0 / ((double) rest * layers.length);
          for (int k = 0; k < dim; k++) {
            c[k] = (float) ((sum[k] - own[j][k]) * scale);
          }
        }
        out[w] = c;
      }
      word += len;
    }
    if (word != states.words()) {
      throw new IllegalArgumentException("spans cover " + word + " words, the sequence has " + states.words());
    }
    return out;
  }
}
