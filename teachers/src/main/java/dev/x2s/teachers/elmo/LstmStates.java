package dev.x2s.teachers.elmo;

import java.util.Arrays;

/**
 * The carried LSTM states of a stateful ELMo, per batch row, as AllenNLP's stateful
 * {@code _EncoderBase}: row {@code r} of a batch starts from the final state row {@code r} of the
 * previous batch left. A larger batch gets zero states for its new rows; a smaller batch uses and
 * updates the first rows and leaves the others as they were. Kept on the Java heap so that no
 * native memory outlives a batch.
 */
final class LstmStates {
  private final int layers;
  private final int hidden;
  private final int cell;
  private int rows;
  // [layer][direction] → [rows · hidden] / [rows · cell]
  private final float[][][] h;
  private final float[][][] c;

  LstmStates(int layers, int hidden, int cell) {
    this.layers = layers;
    this.hidden = hidden;
    this.cell = cell;
    this.h = new float[layers][2][0];
    this.c = new float[layers][2][0];
  }

  /** Rows currently held (the largest batch seen since the last reset). */
  int rows() {
    return rows;
  }

  /** Initial hidden state for a batch of {@code batch} rows, {@code [batch · hidden]}. */
  float[] hidden(int layer, int direction, int batch) {
    return firstRows(h[layer][direction], batch, hidden);
  }

  /** Initial memory for a batch of {@code batch} rows, {@code [batch · cell]}. */
  float[] memory(int layer, int direction, int batch) {
    return firstRows(c[layer][direction], batch, cell);
  }

  private float[] firstRows(float[] state, int batch, int width) {
    float[] out = new float[batch * width]; // rows never seen start at zero
    System.arraycopy(state, 0, out, 0, Math.min(state.length, out.length));
    return out;
  }

  /** Stores the final states of a batch of {@code batch} rows, for every layer and direction. */
  void update(float[][][] finalHidden, float[][][] finalMemory, int batch) {
    if (batch > rows) {
      for (int l = 0; l < layers; l++) {
        for (int d = 0; d < 2; d++) {
          h[l][d] = Arrays.copyOf(h[l][d], batch * hidden);
          c[l][d] = Arrays.copyOf(c[l][d], batch * cell);
        }
      }
      rows = batch;
    }
    for (int l = 0; l < layers; l++) {
      for (int d = 0; d < 2; d++) {
        System.arraycopy(finalHidden[l][d], 0, h[l][d], 0, batch * hidden);
        System.arraycopy(finalMemory[l][d], 0, c[l][d], 0, batch * cell);
      }
    }
  }

  /** Forgets all states: the next batch starts from zeros. */
  void reset() {
    rows = 0;
    for (int l = 0; l < layers; l++) {
      for (int d = 0; d < 2; d++) {
        h[l][d] = new float[0];
        c[l][d] = new float[0];
      }
    }
  }
}
