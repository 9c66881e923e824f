package dev.x2s.teachers.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against files written by an independent writer:
 * {@code /usr/bin/python3 distill/src/test/python/gpt2_reference.py distill/src/test/resources}
 * (struct + json, values converted by torch), and against deliberately broken files.
 */
class SafetensorsReaderTest {
  @TempDir Path tmp;

  static Path resource(String name) {
    try {
      return Paths.get(SafetensorsReaderTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsF32F16Bf16AsTorchConvertsThem() throws IOException {
    JsonObject ref;
    try (var r = new InputStreamReader(
        Files.newInputStream(resource("hf/dtypes-reference.json")), StandardCharsets.UTF_8)) {
      ref = JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject("tensors");
    }
    try (SafetensorsReader r = SafetensorsReader.open(resource("hf/dtypes.safetensors"))) {
      assertEquals(Map.of("note", "x2s test"), r.metadata());
      assertEquals(ref.keySet(), r.entries().keySet());
      for (String name : ref.keySet()) {
        JsonObject t = ref.getAsJsonObject(name);
        int[] shape = new Gsonish().ints(t.getAsJsonArray("shape"));
        float[] values = new Gsonish().floats(t.getAsJsonArray("values"));
        Tensor got = r.read(name);
        assertArrayEquals(shape, got.shape(), name);
        assertArrayEquals(values, got.data(), 0f, name); // exact: conversion is bit-exact
      }
      assertEquals("F16", r.entries().get("b_f16").dtype());
      assertEquals("BF16", r.entries().get("c_bf16").dtype());
    }
  }

  @Test
  void readsTinyModelAndIgnoresNothingSilently() {
    try (SafetensorsReader r = SafetensorsReader.open(resource("gpt2/tiny-random/model.safetensors"))) {
      assertEquals("pt", r.metadata().get("format"));
      assertTrue(r.contains("transformer.wte.weight"));
      assertTrue(r.contains("lm_head.weight"));
      Tensor wte = r.read("transformer.wte.weight");
      assertArrayEquals(new int[] {96, 32}, wte.shape());
      // the BOOL mask buffer is listed but cannot be read as float
      WeightsException e = assertThrows(WeightsException.class, () -> r.read("transformer.h.0.attn.bias"));
      assertTrue(e.getMessage().contains("BOOL"), e.getMessage());
      WeightsException m = assertThrows(WeightsException.class, () -> r.read("transformer.h.9.ln_1.weight"));
      assertTrue(m.getMessage().contains("model.safetensors") && m.getMessage().contains("missing tensor transformer.h.9.ln_1.weight"),
          m.getMessage());
    }
  }

  @Test
  void truncatedFileNamesTensorAndOffset() throws IOException {
    byte[] all = Files.readAllBytes(resource("gpt2/tiny-random/model.safetensors"));
    Path cut = tmp.resolve("cut.safetensors");
    Files.write(cut, Arrays.copyOf(all, all.length - 10));
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsReader.open(cut));
    // the last tensor in the data area is lm_head.weight (written last by the script)
    assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated: tensor lm_head.weight ends at byte offset " + all.length), e.getMessage());

    Path tiny = tmp.resolve("tiny.safetensors");
    Files.write(tiny, new byte[] {1, 2, 3});
    assertMessage(tiny, "truncated");

    Path header = tmp.resolve("header.safetensors");
    Files.write(header, Arrays.copyOf(all, 40));
    assertMessage(header, "truncated: header of");
  }

  @Test
  void headerDefects() throws IOException {
    byte[] four = new byte[16];
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,16]}}", four),
        "tensor a: F32[2, 3] needs 24 bytes but data_offsets [0, 16] span 16");
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", four),
        "tensor b at byte offset");
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", four),
        "gap in data area: tensor b begins at byte offset");
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", four),
        "trailing data");
    assertMessage(raw("{\"a\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}", four), "unknown dtype Q4");
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", four), "bad dimension -2");
    assertMessage(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", four), "data_offsets missing");
    assertMessage(raw("{\"a\": [1, 2", four), "byte offset 8: header is not valid JSON");
    assertMessage(raw("[1]", four), "not a JSON object");
  }

  @Test
  void writerRoundTripForVariantFiles() throws IOException {
    Path f = tmp.resolve("w.safetensors");
    Tensor a = new Tensor("x", new int[] {2, 2}, new float[] {1, -2, 3.5f, 0});
    SafetensorsTestWriter.write(f, List.of(a));
    try (SafetensorsReader r = SafetensorsReader.open(f)) {
      assertArrayEquals(a.data(), r.read("x").data(), 0f);
    }
  }

  private Path raw(String header, byte[] data) throws IOException {
    Path p = Files.createTempFile(tmp, "bad", ".safetensors");
    SafetensorsTestWriter.writeRaw(p, header, data);
    return p;
  }

  private static void assertMessage(Path file, String fragment) {
    WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsReader.open(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }

  /** Small JSON → array helpers. */
  static final class Gsonish {
    int[] ints(com.google.gson.JsonArray a) {
      int[] out = new int[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.get(i).getAsInt();
      }
      return out;
    }

    float[] floats(com.google.gson.JsonArray a) {
      float[] out = new float[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) a.get(i).getAsDouble();
      }
      return out;
    }
  }
}
