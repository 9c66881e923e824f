package dev.x2s.x2static;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.x2static.cache.CacheException;
import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A training checkpoint in a directory beside the output ({@code <out>.ckpt/}): the parameters and the
 * optimiser state as raw little-endian float32 files whose names carry the batch number, and
 * {@code state.json} naming them with their CRC32C. The arrays are written first and {@code state.json}
 * last (atomically), and older arrays are deleted only after that, so a crash at any point leaves a
 * consistent checkpoint. Resuming needs no RNG state: batch {@code b} is built from a generator seeded
 * by (seed, b).
 *
 * @param nextBatch the first batch not yet trained
 * @param steps optimiser steps taken
 * @param lossSum summed loss so far
 * @param targets targets trained so far
 * @param arrays "params" and optimiser state arrays by name
 */
record TrainingCheckpoint(long nextBatch, long steps, double lossSum, long targets, Map<String, float[]> arrays) {
  static final String STATE = "state.json";

  static Path dirFor(Path out) {
    return out.toAbsolutePath().resolveSibling(out.getFileName() + ".ckpt");
  }

  /** Writes this checkpoint for a run with {@code fingerprint}. */
  void save(Path dir, String fingerprint) throws IOException {
    Files.createDirectories(dir);
    JsonObject state = new JsonObject();
    state.addProperty("fingerprint", fingerprint);
    state.addProperty("next_batch", nextBatch);
    state.addProperty("steps", steps);
    state.addProperty("loss_sum", lossSum);
    state.addProperty("targets", targets);
    JsonObject files = new JsonObject();
    for (Map.Entry<String, float[]> e : arrays.entrySet()) {
      String name = String.format("%s-%012d.f32", e.getKey(), nextBatch);
      byte[] bytes = toBytes(e.getValue());
      AtomicFiles.write(dir.resolve(name), out -> out.write(bytes));
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      JsonObject f = new JsonObject();
      f.addProperty("file", name);
      f.addProperty("values", e.getValue().length);
      f.addProperty("crc32c", String.format("%08x", crc.getValue()));
      files.add(e.getKey(), f);
    }
    state.add("arrays", files);
    byte[] json = new GsonBuilder().setPrettyPrinting().create().toJson(state).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(STATE), out -> out.write(json));
    // only now are the previous checkpoint's arrays unreferenced
    try (var list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String n = p.getFileName().toString();
        if (n.endsWith(".f32") && !n.endsWith(String.format("-%012d.f32", nextBatch))) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Reads the checkpoint in {@code dir}; it must come from a run with the same fingerprint. */
  static TrainingCheckpoint load(Path dir, String fingerprint) throws IOException {
    Path stateFile = dir.resolve(STATE);
    JsonObject s;
    try {
      s = JsonParser.parseString(Files.readString(stateFile)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new CacheException(stateFile, "not a checkpoint state: " + e.getMessage());
    }
    String fp = s.get("fingerprint").getAsString();
    if (!fp.equals(fingerprint)) {
      throw new CacheException(stateFile, "checkpoint of a run with other settings:\n  checkpoint: " + fp
          + "\n  this run:   " + fingerprint + "\nrun without --resume to start over");
    }
    Map<String, float[]> arrays = new LinkedHashMap<>();
    for (Map.Entry<String, com.google.gson.JsonElement> e : s.getAsJsonObject("arrays").entrySet()) {
      JsonObject f = e.getValue().getAsJsonObject();
      Path file = dir.resolve(f.get("file").getAsString());
      byte[] bytes = Files.readAllBytes(file);
      long values = f.get("values").getAsLong();
      if (bytes.length != values * 4) {
        throw new CacheException(file, bytes.length + " bytes, expected " + values + " float32 values");
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      if (crc.getValue() != Long.parseLong(f.get("crc32c").getAsString(), 16)) {
        throw new CacheException(file, "CRC32C mismatch (corrupt checkpoint)");
      }
      float[] a = new float[(int) values];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
      arrays.put(e.getKey(), a);
    }
    return new TrainingCheckpoint(s.get("next_batch").getAsLong(), s.get("steps").getAsLong(),
        s.get("loss_sum").getAsDouble(), s.get("targets").getAsLong(), arrays);
  }

  private static byte[] toBytes(float[] a) {
    ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(a);
    return b.array();
  }

  /** Deletes a checkpoint directory (after a successful run). */
  static void delete(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

}
