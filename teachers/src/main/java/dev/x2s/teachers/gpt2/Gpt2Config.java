package dev.x2s.teachers.gpt2;

import dev.x2s.teachers.hf.HfConfig;
import dev.x2s.teachers.weights.WeightsException;
import java.nio.file.Path;

/**
 * Architecture of a GPT-2 decoder (pre-LayerNorm transformer, learned absolute positions), in
 * Hugging Face {@code config.json} terms.
 *
 * @param vocabSize {@code vocab_size} (50,257)
 * @param hidden {@code n_embd} (768 for GPT-2 small)
 * @param layers {@code n_layer} (12); hidden states returned = layers + 1
 * @param heads {@code n_head}
 * @param inner feed-forward width ({@code n_inner}, default 4 × hidden)
 * @param maxPositions {@code n_positions} (1024), the model's window
 * @param layerNormEps {@code layer_norm_epsilon} (1e-5)
 * @param activation {@code gelu_new} (tanh approximation, GPT-2's) or {@code gelu} (exact)
 */
public record Gpt2Config(
    int vocabSize,
    int hidden,
    int layers,
    int heads,
    int inner,
    int maxPositions,
    double layerNormEps,
    String activation) {

  public Gpt2Config {
    if (vocabSize <= 0 || hidden <= 0 || layers <= 0 || heads <= 0 || inner <= 0 || maxPositions <= 0) {
      throw new IllegalArgumentException("non-positive size in " + this);
    }
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("n_embd " + hidden + " is not a multiple of n_head " + heads);
    }
    if (!tanhGelu(activation) && !activation.equals("gelu")) {
      throw new IllegalArgumentException("unsupported activation_function " + activation);
    }
  }

  /** Width of one attention head. */
  public int headDim() {
    return hidden / heads;
  }

  /** True for the tanh approximation of GELU ({@code gelu_new} and its aliases). */
  public boolean tanhGelu() {
    return tanhGelu(activation);
  }

  private static boolean tanhGelu(String a) {
    return a.equals("gelu_new") || a.equals("gelu_pytorch_tanh") || a.equals("gelu_fast");
  }

  /** Reads a GPT-2 {@code config.json}. */
  public static Gpt2Config read(Path file) {
    return from(HfConfig.read(file));
  }

  /**
   * Builds the config, rejecting other model types and GPT-2 variants this encoder does not
   * implement (attention scaled by layer index, unscaled attention).
   */
  public static Gpt2Config from(HfConfig c) {
    String type = c.getString("model_type", "gpt2");
    if (!type.equals("gpt2")) {
      throw new WeightsException(c.source(), "model_type is " + type + ", expected gpt2");
    }
    if (c.getBoolean("scale_attn_by_inverse_layer_idx", false) || !c.getBoolean("scale_attn_weights", true)) {
      throw new WeightsException(c.source(), "unsupported attention scaling (scale_attn_by_inverse_layer_idx / scale_attn_weights)");
    }
    int hidden = c.getInt("n_embd");
    try {
      return new Gpt2Config(
          c.getInt("vocab_size"),
          hidden,
          c.getInt("n_layer"),
          c.getInt("n_head"),
          c.getInt("n_inner", 4 * hidden),
          c.getInt("n_positions"),
          c.getDouble("layer_norm_epsilon", 1e-5),
          c.getString("activation_function", "gelu_new"));
    } catch (IllegalArgumentException e) {
      throw new WeightsException(c.source(), e.getMessage(), e);
    }
  }
}
