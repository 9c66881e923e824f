package dev.x2s.x2static;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreManifest;
import dev.x2s.jobs.store.RowStoreWriter;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training checkpoint in a directory beside the output ({@code <out>.ckpt/}): one fp32 row store per
 * checkpoint, {@code batch-<next batch>/}, whose rows are the values of the parameters and the optimiser
 * state arrays one after another and whose {@code meta} holds the counters, the array names and lengths
 * and the run's fingerprint. A checkpoint counts once its store is complete (the manifest is its
 * atomic commit point); older ones are deleted only after that, so a crash at any point leaves a
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
  static final String FORMAT = "x2s-training-checkpoint";
  static final int VERSION = 2;
  private static final String PREFIX = "batch-";

  static Path dirFor(Path out) {
    return out.toAbsolutePath().resolveSibling(out.getFileName() + ".ckpt");
  }

  /** Writes this checkpoint for a run with {@code fingerprint}. */
  void save(Path dir, String fingerprint) throws IOException {
    JsonObject meta = new JsonObject();
    meta.addProperty("format", FORMAT);
    meta.addProperty("version", VERSION);
    meta.addProperty("fingerprint", fingerprint);
    meta.addProperty("next_batch", nextBatch);
    meta.addProperty("steps", steps);
    meta.addProperty("loss_sum", lossSum);
    meta.addProperty("targets", targets);
    JsonArray list = new JsonArray();
    arrays.forEach((name, a) -> {
      JsonObject e = new JsonObject();
      e.addProperty("name", name);
      e.addProperty("values", a.length);
      list.add(e);
    });
    meta.add("arrays", list);
    String name = String.format("%s%012d", PREFIX, nextBatch);
    try (RowStoreWriter w = RowStoreWriter.create(dir.resolve(name), Dtype.FP32, 1, List.of(), meta)) {
      for (float[] a : arrays.values()) {
        w.appendRows(a, 0, a.length);
      }
      w.finish(meta);
    }
    // only now are the previous checkpoint (and anything a crash or an older x2s left) unreferenced
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (!p.getFileName().toString().equals(name)) {
          RowStore.delete(p);
        }
      }
    }
  }

  /**
   * Reads the newest complete checkpoint in {@code dir}, which must come from a run with the same
   * fingerprint; null when there is none.
   */
  static TrainingCheckpoint load(Path dir, String fingerprint) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    List<Path> generations = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).forEach(generations::add);
    }
    generations.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
    for (Path g : generations) {
      if (!Files.isRegularFile(g.resolve(RowStore.MANIFEST)) || !RowStoreManifest.read(g).complete()) {
        continue; // a checkpoint a crash interrupted; the one before it holds
      }
      try (RowStore store = RowStore.open(g)) {
        return read(store, fingerprint);
      }
    }
    return null;
  }

  private static TrainingCheckpoint read(RowStore store, String fingerprint) throws IOException {
    Path manifest = store.dir().resolve(RowStore.MANIFEST);
    JsonObject s = store.manifest().meta(store.dir(), FORMAT, VERSION);
    try {
      String fp = s.get("fingerprint").getAsString();
      if (!fp.equals(fingerprint)) {
        throw new RowStoreException(manifest, "checkpoint of a run with other settings:\n  checkpoint: " + fp
            + "\n  this run:   " + fingerprint + "\nrun without --resume to start over");
      }
      store.verify();
      Map<String, float[]> arrays = new LinkedHashMap<>();
      long at = 0;
      for (JsonElement e : s.getAsJsonArray("arrays")) {
        JsonObject f = e.getAsJsonObject();
        long values = f.get("values").getAsLong();
        if (values > Integer.MAX_VALUE || at + values > store.rows()) {
          throw new RowStoreException(manifest, "array " + f.get("name") + " of " + values + " values at value " + at
              + " exceeds the " + store.rows() + " stored");
        }
        float[] a = new float[(int) values];
        store.readRows(at, values, a, 0);
        arrays.put(f.get("name").getAsString(), a);
        at += values;
      }
      if (at != store.rows()) {
        throw new RowStoreException(manifest, "arrays of " + at + " values, " + store.rows() + " stored");
      }
      return new TrainingCheckpoint(s.get("next_batch").getAsLong(), s.get("steps").getAsLong(),
          s.get("loss_sum").getAsDouble(), s.get("targets").getAsLong(), arrays);
    } catch (RowStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RowStoreException(manifest, "not a training checkpoint: " + e);
    }
  }

  /** Deletes a checkpoint directory (after a successful run). */
  static void delete(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        RowStore.delete(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
