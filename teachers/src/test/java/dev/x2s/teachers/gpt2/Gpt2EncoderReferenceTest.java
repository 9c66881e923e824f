package dev.x2s.teachers.gpt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.x2s.teachers.hf.SafetensorsReader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DJL encoder against an independent plain-torch GPT-2 forward pass. Reference values in
 * {@code gpt2/tiny-random-reference.json} were produced by
 * {@code /usr/bin/python3 distill/src/test/python/gpt2_reference.py distill/src/test/resources}
 * (Debian python3-torch 1.13), each sequence run alone, so comparing a padded batch also tests that
 * padding does not leak into real positions.
 */
class Gpt2EncoderReferenceTest {
  static final double TOL = 1e-4;
  static Gpt2Config cfg;
  static Gpt2Encoder encoder;
  static int[][] inputs;
  static float[][] expected;

  @BeforeAll
  static void load() throws IOException {
    cfg = Gpt2Config.read(TinyGpt2.dir().resolve("config.json"));
    Path model = TinyGpt2.dir().resolve("model.safetensors");
    try (SafetensorsReader r = SafetensorsReader.open(model)) {
      encoder = new Gpt2Encoder(cfg, Gpt2Weights.source(r), model.toString()); // streaming load
    }
    JsonObject ref = TinyGpt2.reference();
    JsonArray in = ref.getAsJsonArray("inputs");
    JsonArray hs = ref.getAsJsonArray("hidden_states");
    inputs = new int[in.size()][];
    expected = new float[in.size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = TinyGpt2.ints(in.get(i).getAsJsonArray());
      expected[i] = TinyGpt2.floats(hs.get(i).getAsJsonArray());
    }
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void configMatchesScript() {
    assertEquals(new Gpt2Config(96, 32, 2, 4, 128, 64, 1e-5, "gelu_new"), cfg);
  }

  @Test
  void paddedBatchMatchesTorchAtEveryLayer() {
    // lengths 11, 4, 64, 7: three of four sequences are right-padded to 64
    float[][] got = encoder.forward(inputs, cfg.layers());
    double worst = 0;
    for (int s = 0; s < inputs.length; s++) {
      worst = Math.max(worst, assertClose(expected[s], got[s], "sequence " + s));
    }
    System.out.println("GPT-2 encoder vs torch: max |diff| over all layers " + worst);
  }

  @Test
  void heapWeightsPathGivesTheSameStates() {
    try (Gpt2Encoder other =
        new Gpt2Encoder(cfg, Gpt2Weights.read(TinyGpt2.dir().resolve("model.safetensors"), cfg))) {
      float[][] got = other.forward(inputs, cfg.layers());
      for (int s = 0; s < inputs.length; s++) {
        assertClose(expected[s], got[s], "sequence " + s);
      }
    }
  }

  @Test
  void toleranceDetectsTheExactGeluVariant() {
    // sanity check of the comparison: the same weights with exact (erf) GELU must differ measurably
    Gpt2Config exact = new Gpt2Config(96, 32, 2, 4, 128, 64, 1e-5, "gelu");
    try (Gpt2Encoder other =
        new Gpt2Encoder(exact, Gpt2Weights.read(TinyGpt2.dir().resolve("model.safetensors"), exact))) {
      float[][] got = other.forward(new int[][] {inputs[0]}, exact.layers());
      assertThrows(AssertionError.class, () -> assertClose(expected[0], got[0], "exact gelu"));
    }
  }

  @Test
  void singleSequencesMatchTorch() {
    for (int s = 0; s < inputs.length; s++) {
      float[][] got = encoder.forward(new int[][] {inputs[s]}, cfg.layers());
      assertClose(expected[s], got[0], "sequence " + s + " alone");
    }
  }

  @Test
  void earlyExitReturnsLowerLayersUnchanged() {
    int e = cfg.hidden();
    for (int maxLayer = 0; maxLayer < cfg.layers(); maxLayer++) {
      float[][] got = encoder.forward(inputs, maxLayer);
      for (int s = 0; s < inputs.length; s++) {
        int n = (maxLayer + 1) * inputs[s].length * e;
        assertEquals(n, got[s].length);
        // below the top, states are the raw residual stream (no ln_f), as HF returns them
        assertClose(java.util.Arrays.copyOf(expected[s], n), got[s], "maxLayer " + maxLayer + " seq " + s);
      }
    }
  }

  @Test
  void forwardPassesLeaveNoNativeArraysBehind() {
    int before = encoder.nativeArrays();
    for (int i = 0; i < 3; i++) {
      encoder.forward(inputs, cfg.layers());
      encoder.forward(inputs, 1);
    }
    assertEquals(before, encoder.nativeArrays());
    // weights: wte, wpe, 12 per block, ln_f ×2, causal mask
    assertEquals(2 + 12 * cfg.layers() + 2 + 1, before);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> encoder.forward(new int[][] {new int[65]}, 1));
    assertThrows(IllegalArgumentException.class, () -> encoder.forward(new int[][] {{}}, 1));
    assertThrows(IllegalArgumentException.class, () -> encoder.forward(new int[][] {{96}}, 1));
    assertThrows(IllegalArgumentException.class, () -> encoder.forward(new int[][] {{1}}, 3));
  }

  static double assertClose(float[] want, float[] got, String what) {
    assertEquals(want.length, got.length, what + ": length");
    double worst = 0;
    int at = -1;
    for (int i = 0; i < want.length; i++) {
      double d = Math.abs(want[i] - got[i]);
      if (d > worst || Double.isNaN(d)) {
        worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        at = i;
      }
    }
    if (worst > TOL) {
      throw new AssertionError(what + ": max |diff| " + worst + " at " + at + " (want " + want[at] + ", got " + got[at] + ")");
    }
    return worst;
  }
}
