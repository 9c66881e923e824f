package dev.x2s.distill.gpt2;

import dev.x2s.distill.hf.SafetensorsReader;
import dev.x2s.distill.weights.Tensor;
import dev.x2s.distill.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A GPT-2's parameters, shape-checked against its {@link Gpt2Config}. Linear weights keep Hugging
 * Face's {@code Conv1D} layout {@code [in, out]}.
 *
 * @param wte token embeddings {@code [vocab, hidden]}
 * @param wpe position embeddings {@code [positions, hidden]}
 * @param blocks the transformer blocks, bottom first
 * @param lnFGamma final LayerNorm scale
 * @param lnFBeta final LayerNorm shift
 */
public record Gpt2Weights(Tensor wte, Tensor wpe, List<Block> blocks, Tensor lnFGamma, Tensor lnFBeta) {

  /** One block's parameters ({@code h.i.*}). */
  public record Block(
      Tensor ln1Gamma, Tensor ln1Beta,
      Tensor attnW, Tensor attnB,
      Tensor attnProjW, Tensor attnProjB,
      Tensor ln2Gamma, Tensor ln2Beta,
      Tensor fcW, Tensor fcB,
      Tensor mlpProjW, Tensor mlpProjB) {}

  /**
   * Reads from a safetensors file with Hugging Face names, with or without the {@code transformer.}
   * prefix ({@code GPT2LMHeadModel} vs {@code GPT2Model} checkpoints). {@code lm_head} and the
   * {@code attn.bias}/{@code attn.masked_bias} mask buffers are ignored.
   */
  public static Gpt2Weights read(SafetensorsReader r, Gpt2Config cfg) {
    String src = r.file().toString();
    String prefix;
    if (r.contains("transformer.wte.weight")) {
      prefix = "transformer.";
    } else if (r.contains("wte.weight")) {
      prefix = "";
    } else {
      throw new WeightsException(src, "missing tensor wte.weight (nor transformer.wte.weight): not a GPT-2 checkpoint");
    }
    return load(name -> {
      String full = prefix + name;
      if (!r.contains(full)) {
        throw new WeightsException(src, "missing tensor " + full);
      }
      return r.read(full);
    }, cfg, src);
  }

  /** Reads {@code model.safetensors} in {@code file}. */
  public static Gpt2Weights read(Path file, Gpt2Config cfg) {
    try (SafetensorsReader r = SafetensorsReader.open(file)) {
      return read(r, cfg);
    }
  }

  /** Builds from any source of tensors by canonical (unprefixed) name, checking every shape. */
  public static Gpt2Weights load(Function<String, Tensor> get, Gpt2Config cfg, String src) {
    int e = cfg.hidden();
    int inner = cfg.inner();
    Tensor wte = get.apply("wte.weight").expectShape(src, cfg.vocabSize(), e);
    Tensor wpe = get.apply("wpe.weight").expectShape(src, cfg.maxPositions(), e);
    List<Block> blocks = new ArrayList<>(cfg.layers());
    for (int i = 0; i < cfg.layers(); i++) {
      String p = "h." + i + ".";
      blocks.add(new Block(
          get.apply(p + "ln_1.weight").expectShape(src, e),
          get.apply(p + "ln_1.bias").expectShape(src, e),
          get.apply(p + "attn.c_attn.weight").expectShape(src, e, 3 * e),
          get.apply(p + "attn.c_attn.bias").expectShape(src, 3 * e),
          get.apply(p + "attn.c_proj.weight").expectShape(src, e, e),
          get.apply(p + "attn.c_proj.bias").expectShape(src, e),
          get.apply(p + "ln_2.weight").expectShape(src, e),
          get.apply(p + "ln_2.bias").expectShape(src, e),
          get.apply(p + "mlp.c_fc.weight").expectShape(src, e, inner),
          get.apply(p + "mlp.c_fc.bias").expectShape(src, inner),
          get.apply(p + "mlp.c_proj.weight").expectShape(src, inner, e),
          get.apply(p + "mlp.c_proj.bias").expectShape(src, e)));
    }
    Tensor g = get.apply("ln_f.weight").expectShape(src, e);
    Tensor b = get.apply("ln_f.bias").expectShape(src, e);
    return new Gpt2Weights(wte, wpe, List.copyOf(blocks), g, b);
  }
}
