package dev.x2s.vectors;

import dev.x2s.vectors.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Model2Vec folder that sentence-transformers loads too (layout in the module README):
 * {@code model.safetensors} (tensor {@code embeddings}, {@code (words + 2) × dim}, rows 0 and 1 the
 * zero vectors of {@code [PAD]} and {@code [UNK]}), {@code tokenizer.json} ({@link WordLevelTokenizer}),
 * {@code config.json} (Model2Vec's keys) and {@code modules.json} (sentence-transformers: a
 * {@code StaticEmbedding} at {@code "."} and a {@code Normalize}). The folder is written atomically.
 *
 * <p>Why zero vectors for {@code [UNK]} and {@code [PAD]}: Model2Vec drops unknown tokens before pooling
 * and sentence-transformers' {@code StaticEmbedding} averages them in; a zero row changes only the
 * length of that mean, not its direction (the mean of all rows would pull every sentence with an
 * unknown word towards the common direction).
 */
final class StaticFolderWriter {
  static final String WEIGHTS = "model.safetensors";
  static final String TOKENIZER = "tokenizer.json";
  static final String CONFIG = "config.json";
  static final String MODULES = "modules.json";
  /** Model2Vec's tensor name; sentence-transformers' {@code StaticEmbedding.load} falls back to it. */
  static final String TENSOR = "embeddings";
  static final int SPECIAL_ROWS = 2;

  private StaticFolderWriter() {}

  static void write(WordVectors v, Path dir, WriteOptions options) throws IOException {
    String dtype = switch (options.dtype()) {
      case FP32 -> "F32";
      case FP16 -> "F16";
      case INT8 -> throw new IllegalArgumentException(
          "int8 is an x2v storage type; a Model2Vec folder stores fp32 or fp16");
    };
    for (int r = 0; r < v.size(); r++) {
      if (v.word(r).isEmpty()) {
        throw new IllegalArgumentException("row " + r + ": an empty word cannot be a token");
      }
    }
    String pad = WordLevelTokenizer.free(WordLevelTokenizer.PAD, v);
    String unk = WordLevelTokenizer.free(WordLevelTokenizer.UNK, v);
    boolean lower = WordLevelTokenizer.lowerCased(v.words());
    Map<String, Object> tokenizer = WordLevelTokenizer.tree(v, pad, unk, lower);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model_type", "model2vec");
    config.put("architectures", List.of("StaticModel"));
    config.put("tokenizer_name", null);
    config.put("apply_pca", null);
    config.put("hidden_dim", v.dim());
    config.put("seq_length", 1000000);
    config.put("normalize", true);
    config.put("embedding_dtype", dtype.equals("F32") ? "float32" : "float16");
    config.put("x2s_words", v.size());
    config.put("x2s_lowercase", lower);

    List<Object> modules = List.of(
        module(0, ".", "sentence_transformers.models.StaticEmbedding"),
        module(1, "1_Normalize", "sentence_transformers.models.Normalize"));

    AtomicFiles.writeFolder(dir, TOKENIZER, tmp -> {
      options.progress().progress(0, v.size());
      new SafetensorsWriter()
          .add(TENSOR, dtype, new int[] {v.size() + SPECIAL_ROWS, v.dim()},
              new float[SPECIAL_ROWS * v.dim()], v.matrix())
          .write(tmp.resolve(WEIGHTS));
      writeJson(tmp.resolve(TOKENIZER), Json.write(tokenizer));
      writeJson(tmp.resolve(CONFIG), Json.write(config, 4));
      writeJson(tmp.resolve(MODULES), Json.write(modules, 4));
      options.progress().progress(v.size(), v.size());
    });
  }

  private static Map<String, Object> module(int idx, String path, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("idx", idx);
    m.put("name", Integer.toString(idx));
    m.put("path", path);
    m.put("type", type);
    return m;
  }

  private static void writeJson(Path file, String json) throws IOException {
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }
}
