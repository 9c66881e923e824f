package dev.x2s.teachers.gpt2;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Test fixtures: the committed tiny random GPT-2 and its torch reference, and Java-made random models. */
final class TinyGpt2 {
  private TinyGpt2() {}

  /** {@code gpt2/tiny-random/} (config.json + model.safetensors written by gpt2_reference.py). */
  static Path dir() {
    try {
      return Paths.get(TinyGpt2.class.getResource("/gpt2/tiny-random/config.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject reference() throws IOException {
    try (Reader r = Files.newBufferedReader(dir().resolveSibling("tiny-random-reference.json"), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  static float[] floats(JsonArray a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).getAsDouble();
    }
    return out;
  }

  /**
   * Random weights for {@code cfg} by canonical name (unprefixed HF names), Gaussian with the given
   * seed; used where only self-consistency matters (windows, pooling, batching).
   */
  static Map<String, Tensor> randomTensors(Gpt2Config cfg, long seed) {
    Random r = new Random(seed);
    Map<String, Tensor> m = new LinkedHashMap<>();
    int e = cfg.hidden();
    put(m, r, "wte.weight", 0.5f, 0f, cfg.vocabSize(), e);
    put(m, r, "wpe.weight", 0.3f, 0f, cfg.maxPositions(), e);
    for (int i = 0; i < cfg.layers(); i++) {
      String p = "h." + i + ".";
      put(m, r, p + "ln_1.weight", 0.1f, 1f, e);
      put(m, r, p + "ln_1.bias", 0.1f, 0f, e);
      put(m, r, p + "attn.c_attn.weight", 0.2f, 0f, e, 3 * e);
      put(m, r, p + "attn.c_attn.bias", 0.1f, 0f, 3 * e);
      put(m, r, p + "attn.c_proj.weight", 0.2f, 0f, e, e);
      put(m, r, p + "attn.c_proj.bias", 0.1f, 0f, e);
      put(m, r, p + "ln_2.weight", 0.1f, 1f, e);
      put(m, r, p + "ln_2.bias", 0.1f, 0f, e);
      put(m, r, p + "mlp.c_fc.weight", 0.2f, 0f, e, cfg.inner());
      put(m, r, p + "mlp.c_fc.bias", 0.1f, 0f, cfg.inner());
      put(m, r, p + "mlp.c_proj.weight", 0.2f, 0f, cfg.inner(), e);
      put(m, r, p + "mlp.c_proj.bias", 0.1f, 0f, e);
    }
    put(m, r, "ln_f.weight", 0.1f, 1f, e);
    put(m, r, "ln_f.bias", 0.1f, 0f, e);
    return m;
  }

  private static void put(Map<String, Tensor> m, Random r, String name, float std, float mean, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + std * (float) r.nextGaussian();
    }
    m.put(name, new Tensor(name, shape, v));
  }

  static Gpt2Weights randomWeights(Gpt2Config cfg, long seed) {
    Map<String, Tensor> m = randomTensors(cfg, seed);
    return Gpt2Weights.load(m::get, cfg, "random(seed " + seed + ")");
  }
}
