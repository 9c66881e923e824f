package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad weights and bad inputs give one clear error each (tiny random BERT, seed 42). */
class BertEncoderInputTest {
  static final BertConfig TINY = new BertConfig(20, 8, 2, 2, 16, 16, 2, 1e-12, "gelu");

  static Map<String, Tensor> randomWeights(BertConfig c, long seed) {
    Random rnd = new Random(seed);
    Map<String, Tensor> m = new HashMap<>();
    for (BertWeightNames.Expected e : BertWeightNames.expected(c)) {
      int n = 1;
      for (int d : e.shape()) {
        n *= d;
      }
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = (float) (rnd.nextGaussian() * 0.1);
      }
      m.put(e.name(), new Tensor(e.name(), e.shape(), v));
    }
    return m;
  }

  @Test
  void missingTensorIsNamed() {
    Map<String, Tensor> w = randomWeights(TINY, 42);
    w.remove("encoder.layer.1.intermediate.dense.bias");
    WeightsException e = assertThrows(WeightsException.class, () -> new BertEncoder(TINY, w, "tiny.bin"));
    assertEquals("tiny.bin: missing tensor encoder.layer.1.intermediate.dense.bias", e.getMessage());
  }

  @Test
  void wrongShapeIsNamed() {
    Map<String, Tensor> w = randomWeights(TINY, 42);
    String name = "encoder.layer.0.attention.self.key.weight";
    w.put(name, new Tensor(name, new int[] {8, 4}, new float[32]));
    WeightsException e = assertThrows(WeightsException.class, () -> new BertEncoder(TINY, w, "tiny.bin"));
    assertEquals("tiny.bin: tensor " + name + " has shape [8, 4], expected [8, 8]", e.getMessage());
  }

  @Test
  void badIdsAndLayersAreRejected() {
    try (BertEncoder enc = new BertEncoder(TINY, randomWeights(TINY, 42), "tiny")) {
      IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
          () -> enc.forward(new int[][] {{1, 20}}, new int[] {2}, 2));
      assertTrue(id.getMessage().contains("position 1: id 20 out of range"), id.getMessage());
      assertThrows(IllegalArgumentException.class, () -> enc.forward(new int[][] {{1, 2}}, new int[] {2}, 3));
      IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
          () -> enc.forward(new int[][] {new int[17]}, new int[] {17}, 2));
      assertTrue(tooLong.getMessage().contains("exceeds the model's 16 positions"), tooLong.getMessage());
    }
  }

  @Test
  void forwardLeavesNoArraysBehind() {
    try (BertEncoder enc = new BertEncoder(TINY, randomWeights(TINY, 42), "tiny")) {
      int before = enc.managedArrays();
      enc.forward(new int[][] {{1, 5, 7, 2}, {1, 3, 4, 2}}, new int[] {4, 3}, 2);
      enc.forward(new int[][] {{1, 5, 7, 2}}, new int[] {4}, 1);
      assertEquals(before, enc.managedArrays());
    }
  }

  @Test
  void paddingDoesNotChangeRealTokens() {
    try (BertEncoder enc = new BertEncoder(TINY, randomWeights(TINY, 42), "tiny")) {
      HiddenStates alone = enc.forward(new int[][] {{1, 5, 7, 2}}, new int[] {4}, 2);
      HiddenStates padded = enc.forward(new int[][] {{1, 5, 7, 2, 9, 9}, {1, 3, 4, 5, 6, 2}}, new int[] {4, 6}, 2);
      for (int l = 0; l <= 2; l++) {
        for (int t = 0; t < 4; t++) {
          for (int k = 0; k < 8; k++) {
            assertEquals(alone.get(0, l, t, k), padded.get(0, l, t, k), 1e-5, "layer " + l + " pos " + t);
          }
        }
      }
    }
  }
}
