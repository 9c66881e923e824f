package dev.x2s.teachers.gpt2;

import dev.x2s.teachers.hf.SafetensorsReader;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A GPT-2's parameters, shape-checked against its {@link Gpt2Config}. Linear weights keep Hugging
 * Face's {@code Conv1D} layout {@code [in, out]}. Canonical names are HF's without the
 * {@code transformer.} prefix ({@code wte.weight}, {@code h.0.attn.c_attn.weight}, …).
 *
 * <p>To load a large model without holding it all on the Java heap, pass {@link #source} straight to
 * {@link Gpt2Encoder#Gpt2Encoder(Gpt2Config, Function, String)}, which converts one tensor at a time.
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

  /** Parameter names of one block, without the {@code h.i.} prefix, in {@link Block} order. */
  static final List<String> BLOCK_PARAMS = List.of(
      "ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
      "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias",
      "mlp.c_proj.weight", "mlp.c_proj.bias");

  /** Every parameter's canonical name and expected shape, in load order. */
  static Map<String, int[]> shapes(Gpt2Config cfg) {
    int e = cfg.hidden();
    int inner = cfg.inner();
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put("wte.weight", new int[] {cfg.vocabSize(), e});
    m.put("wpe.weight", new int[] {cfg.maxPositions(), e});
    int[][] block = {
      {e}, {e}, {e, 3 * e}, {3 * e}, {e, e}, {e}, {e}, {e}, {e, inner}, {inner}, {inner, e}, {e}
    };
    for (int i = 0; i < cfg.layers(); i++) {
      for (int k = 0; k < block.length; k++) {
        m.put("h." + i + "." + BLOCK_PARAMS.get(k), block[k]);
      }
    }
    m.put("ln_f.weight", new int[] {e});
    m.put("ln_f.bias", new int[] {e});
    return m;
  }

  /**
   * A lazy canonical-name → tensor source over a safetensors file with HF names, with or without the
   * {@code transformer.} prefix ({@code GPT2LMHeadModel} vs {@code GPT2Model} checkpoints);
   * {@code lm_head} and the {@code attn.bias}/{@code attn.masked_bias} buffers are never read.
   */
  public static Function<String, Tensor> source(SafetensorsReader r) {
    String src = r.file().toString();
    String prefix;
    if (r.contains("transformer.wte.weight")) {
      prefix = "transformer.";
    } else if (r.contains("wte.weight")) {
      prefix = "";
    } else {
      throw new WeightsException(src, "missing tensor wte.weight (nor transformer.wte.weight): not a GPT-2 checkpoint");
    }
    return name -> {
      String full = prefix + name;
      if (!r.contains(full)) {
        throw new WeightsException(src, "missing tensor " + full);
      }
      return r.read(full);
    };
  }

  /** Fetches {@code name} from {@code get} and checks its shape against the config. */
  static Tensor fetch(Function<String, Tensor> get, String name, Gpt2Config cfg, String src) {
    int[] shape = shapes(cfg).get(name);
    if (shape == null) {
      throw new IllegalArgumentException("not a GPT-2 parameter: " + name);
    }
    Tensor t = get.apply(name);
    if (t == null) {
      throw new WeightsException(src, "missing tensor " + name);
    }
    return t.expectShape(src, shape);
  }

  /** Reads every parameter from a safetensors file onto the Java heap. */
  public static Gpt2Weights read(SafetensorsReader r, Gpt2Config cfg) {
    return load(source(r), cfg, r.file().toString());
  }

  /** Reads {@code file} (a {@code model.safetensors}). */
  public static Gpt2Weights read(Path file, Gpt2Config cfg) {
    try (SafetensorsReader r = SafetensorsReader.open(file)) {
      return read(r, cfg);
    }
  }

  /** Builds from any source of tensors by canonical name, checking every shape. */
  public static Gpt2Weights load(Function<String, Tensor> get, Gpt2Config cfg, String src) {
    Map<String, Tensor> all = new LinkedHashMap<>();
    for (String name : shapes(cfg).keySet()) {
      all.put(name, fetch(get, name, cfg, src));
    }
    List<Block> blocks = new ArrayList<>(cfg.layers());
    for (int i = 0; i < cfg.layers(); i++) {
      Tensor[] t = new Tensor[BLOCK_PARAMS.size()];
      for (int k = 0; k < t.length; k++) {
        t[k] = all.get("h." + i + "." + BLOCK_PARAMS.get(k));
      }
      blocks.add(new Block(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11]));
    }
    return new Gpt2Weights(
        all.get("wte.weight"), all.get("wpe.weight"), List.copyOf(blocks), all.get("ln_f.weight"), all.get("ln_f.bias"));
  }

  /** This record as a canonical-name source (for {@link Gpt2Encoder}). */
  public Function<String, Tensor> asSource() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("wte.weight", wte);
    m.put("wpe.weight", wpe);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      Tensor[] t = {
        b.ln1Gamma(), b.ln1Beta(), b.attnW(), b.attnB(), b.attnProjW(), b.attnProjB(),
        b.ln2Gamma(), b.ln2Beta(), b.fcW(), b.fcB(), b.mlpProjW(), b.mlpProjB()
      };
      for (int k = 0; k < t.length; k++) {
        m.put("h." + i + "." + BLOCK_PARAMS.get(k), t[k]);
      }
    }
    m.put("ln_f.weight", lnFGamma);
    m.put("ln_f.bias", lnFBeta);
    return m::get;
  }
}
