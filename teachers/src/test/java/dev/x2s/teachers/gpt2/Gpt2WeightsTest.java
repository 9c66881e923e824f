package dev.x2s.teachers.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.hf.SafetensorsReader;
import dev.x2s.teachers.hf.SafetensorsTestWriter;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming variants and bad checkpoints/configs, built from the committed tiny model. */
class Gpt2WeightsTest {
  @TempDir Path tmp;

  private static Gpt2Config tinyConfig() {
    return Gpt2Config.read(TinyGpt2.dir().resolve("config.json"));
  }

  /** The tiny model's float tensors, names mapped (null drops a tensor), written to a new file. */
  private Path rewrite(UnaryOperator<Tensor> edit) throws IOException {
    List<Tensor> out = new ArrayList<>();
    try (SafetensorsReader r = SafetensorsReader.open(TinyGpt2.dir().resolve("model.safetensors"))) {
      for (var e : r.entries().values()) {
        if (!e.dtype().equals("F32")) {
          continue;
        }
        Tensor t = edit.apply(r.read(e.name()));
        if (t != null) {
          out.add(t);
        }
      }
    }
    Path f = Files.createTempFile(tmp, "model", ".safetensors");
    SafetensorsTestWriter.write(f, out);
    return f;
  }

  private static Tensor unprefixed(Tensor t) {
    String n = t.name().startsWith("transformer.") ? t.name().substring("transformer.".length()) : t.name();
    return new Tensor(n, t.shape(), t.data());
  }

  @Test
  void readsNamesWithAndWithoutTransformerPrefix() throws IOException {
    Gpt2Config cfg = tinyConfig();
    Gpt2Weights prefixed = Gpt2Weights.read(TinyGpt2.dir().resolve("model.safetensors"), cfg);
    Gpt2Weights bare = Gpt2Weights.read(rewrite(Gpt2WeightsTest::unprefixed), cfg);
    assertEquals(cfg.layers(), bare.blocks().size());
    assertArrayEquals(prefixed.wte().data(), bare.wte().data(), 0f);
    assertArrayEquals(prefixed.blocks().get(1).mlpProjW().data(), bare.blocks().get(1).mlpProjW().data(), 0f);
    assertArrayEquals(new int[] {32, 96}, bare.blocks().get(0).attnW().shape()); // Conv1D [in, out]
  }

  @Test
  void missingTensorIsNamed() throws IOException {
    Path f = rewrite(t -> t.name().equals("transformer.h.1.mlp.c_fc.bias") ? null : t);
    WeightsException e = assertThrows(WeightsException.class, () -> Gpt2Weights.read(f, tinyConfig()));
    assertEquals(f.toString() + ": missing tensor transformer.h.1.mlp.c_fc.bias", e.getMessage());

    // the streaming encoder load reports the same
    try (SafetensorsReader r = SafetensorsReader.open(f)) {
      WeightsException s = assertThrows(WeightsException.class,
          () -> new Gpt2Encoder(tinyConfig(), Gpt2Weights.source(r), f.toString()).close());
      assertEquals(f.toString() + ": missing tensor transformer.h.1.mlp.c_fc.bias", s.getMessage());
    }

    Path noWte = rewrite(t -> t.name().endsWith("wte.weight") ? null : t);
    e = assertThrows(WeightsException.class, () -> Gpt2Weights.read(noWte, tinyConfig()));
    assertTrue(e.getMessage().contains("missing tensor wte.weight"), e.getMessage());
  }

  @Test
  void wrongShapeIsNamed() throws IOException {
    Path f = rewrite(t -> t.name().equals("transformer.h.0.attn.c_attn.weight") ? t.transposed(t.name()) : t);
    WeightsException e = assertThrows(WeightsException.class, () -> Gpt2Weights.read(f, tinyConfig()));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("tensor transformer.h.0.attn.c_attn.weight has shape [96, 32], expected [32, 96]"),
        e.getMessage());
    try (SafetensorsReader r = SafetensorsReader.open(f)) {
      WeightsException s = assertThrows(WeightsException.class,
          () -> new Gpt2Encoder(tinyConfig(), Gpt2Weights.source(r), f.toString()).close());
      assertEquals(e.getMessage(), s.getMessage());
    }
  }

  @Test
  void configDisagreeingWithWeights() throws IOException {
    Path dir = tmp.resolve("m");
    Files.createDirectories(dir);
    String cfg = Files.readString(TinyGpt2.dir().resolve("config.json")).replace("\"n_layer\": 2", "\"n_layer\": 3");
    Files.writeString(dir.resolve("config.json"), cfg);
    WeightsException e = assertThrows(WeightsException.class,
        () -> Gpt2Weights.read(TinyGpt2.dir().resolve("model.safetensors"), Gpt2Config.read(dir.resolve("config.json"))));
    assertTrue(e.getMessage().contains("missing tensor transformer.h.2.ln_1.weight"), e.getMessage());
  }

  @Test
  void badConfigs() throws IOException {
    String good = Files.readString(TinyGpt2.dir().resolve("config.json"));
    badConfig(good.replace("\"n_head\": 4", "\"n_head\": 5"), "n_embd 32 is not a multiple of n_head 5");
    badConfig(good.replace("\"model_type\": \"gpt2\"", "\"model_type\": \"bert\""), "model_type is bert, expected gpt2");
    badConfig(good.replace("gelu_new", "swish"), "unsupported activation_function swish");
    badConfig(good.replace("\"n_embd\": 32,", ""), "missing key \"n_embd\"");
    badConfig(good.replace("\"n_embd\": 32", "\"n_embd\": \"32\""), "key \"n_embd\" must be an integer");
    badConfig(good.replace("\"n_layer\": 2", "\"n_layer\": 0"), "non-positive size");
    badConfig(good.substring(0, good.length() / 2), "malformed JSON");
    Gpt2Config c = Gpt2Config.read(TinyGpt2.dir().resolve("config.json"));
    assertEquals(128, c.inner()); // n_inner null → 4 × n_embd
    assertTrue(c.tanhGelu());
  }

  private void badConfig(String text, String fragment) throws IOException {
    Path f = Files.createTempFile(tmp, "config", ".json");
    Files.writeString(f, text);
    WeightsException e = assertThrows(WeightsException.class, () -> Gpt2Config.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }
}
