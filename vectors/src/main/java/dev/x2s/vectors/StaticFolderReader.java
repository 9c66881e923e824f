package dev.x2s.vectors;

import dev.x2s.vectors.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Model2Vec / sentence-transformers static-embedding folder: {@code tokenizer.json}'s model
 * vocabulary (token → id; {@code WordLevel} or {@code WordPiece}) gives each token its row of the
 * {@code embeddings} (Model2Vec) or {@code embedding.weight} (sentence-transformers) tensor in
 * {@code model.safetensors}. Special tokens (added tokens marked special, and the model's unk token)
 * are not words and are left out; the words come in id order. The sentence-transformers layout with the
 * files under {@code 0_StaticEmbedding/} is read too.
 */
final class StaticFolderReader {
  private StaticFolderReader() {}

  /** The directory holding the weights and tokenizer: {@code dir}, or its {@code 0_StaticEmbedding}. */
  static Path filesDir(Path dir) {
    Path nested = dir.resolve("0_StaticEmbedding");
    return !Files.exists(dir.resolve(StaticFolderWriter.WEIGHTS))
        && Files.exists(nested.resolve(StaticFolderWriter.WEIGHTS)) ? nested : dir;
  }

  /** True when {@code dir} is a directory with the weights and the tokenizer. */
  static boolean isFolder(Path dir) {
    Path d = filesDir(dir);
    return Files.isDirectory(dir) && Files.isRegularFile(d.resolve(StaticFolderWriter.WEIGHTS))
        && Files.isRegularFile(d.resolve(StaticFolderWriter.TOKENIZER));
  }

  /** Bytes of the weights and the tokenizer (0 for files that are missing). */
  static long bytes(Path dir) throws IOException {
    Path d = filesDir(dir);
    long n = 0;
    for (String f : List.of(StaticFolderWriter.WEIGHTS, StaticFolderWriter.TOKENIZER)) {
      if (Files.isRegularFile(d.resolve(f))) {
        n += Files.size(d.resolve(f));
      }
    }
    return n;
  }

  static LoadResult read(Path dir, ReadOptions options) throws IOException {
    Path d = filesDir(dir);
    Path weights = d.resolve(StaticFolderWriter.WEIGHTS);
    Path tokenizerFile = d.resolve(StaticFolderWriter.TOKENIZER);
    for (Path f : List.of(weights, tokenizerFile)) {
      if (!Files.isRegularFile(f)) {
        throw VectorFormatException.inFile(f, "missing (a Model2Vec / sentence-transformers folder has "
            + StaticFolderWriter.WEIGHTS + " and " + StaticFolderWriter.TOKENIZER + ")");
      }
    }
    String[] byId = vocabulary(tokenizerFile);
    try (SafetensorsReader st = SafetensorsReader.open(weights)) {
      if (st.contains("mapping")) {
        throw VectorFormatException.inFile(weights, "has a token mapping (Model2Vec vocabulary quantization); "
            + "x2s reads folders with one row per token");
      }
      SafetensorsEntry e = st.entries().get(StaticFolderWriter.TENSOR);
      if (e == null) {
        e = st.entries().get("embedding.weight");
      }
      if (e == null) {
        throw VectorFormatException.inFile(weights, "no tensor " + StaticFolderWriter.TENSOR
            + " (Model2Vec) or embedding.weight (sentence-transformers); it has " + st.entries().keySet());
      }
      int[] shape = e.shape();
      if (shape.length != 2 || shape[1] <= 0) {
        throw VectorFormatException.inFile(weights, "tensor " + e.name() + " has shape "
            + java.util.Arrays.toString(shape) + ", expected [tokens, dim]");
      }
      if (shape[0] != byId.length) {
        throw VectorFormatException.inFile(weights, "shape mismatch: tensor " + e.name() + " has " + shape[0]
            + " rows but " + tokenizerFile.getFileName() + " has " + byId.length + " tokens (ids 0…"
            + (byId.length - 1) + ")");
      }
      int dim = shape[1];
      float[] all = st.readFloats(e);
      RowCollector rows = new RowCollector(dim, options, byId.length);
      for (int id = 0; id < byId.length && !rows.full(); id++) {
        if (byId[id] == null) {
          continue; // special token
        }
        int at = rows.admit(byId[id]);
        if (at >= 0) {
          System.arraycopy(all, id * dim, rows.matrix(), at, dim);
        }
      }
      long bytes = Files.size(weights) + Files.size(tokenizerFile);
      options.progress().progress(bytes, bytes);
      Dtype dtype = e.dtype().equals("F16") ? Dtype.FP16 : Dtype.FP32;
      return new LoadResult(rows.vectors(),
          rows.report(dir, VectorFormat.MODEL2VEC, countWords(byId), bytes, dtype));
    }
  }

  private static long countWords(String[] byId) {
    long n = 0;
    for (String w : byId) {
      if (w != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * The tokens by id, {@code null} for special tokens: {@code model.vocab} and the added tokens (Model2Vec
   * appends multi-word entries as added tokens with ids after the model's vocabulary).
   *
   * @throws VectorFormatException naming tokenizer.json: not JSON, no vocabulary, an id that is not an
   *     integer or repeats, or ids that do not use {@code 0…n-1} (n tokens, one row each)
   */
  static String[] vocabulary(Path file) throws IOException {
    String text;
    try {
      text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException ex) {
      throw VectorFormatException.inFile(file, "not valid UTF-8");
    }
    Object root;
    try {
      root = Json.parse(text);
    } catch (Json.JsonException ex) {
      throw VectorFormatException.inFile(file, "not valid JSON: " + ex.getMessage());
    }
    if (!(root instanceof Map<?, ?> tok) || !(tok.get("model") instanceof Map<?, ?> model)) {
      throw VectorFormatException.inFile(file, "no \"model\" object (not a Hugging Face tokenizer.json)");
    }
    if (!(model.get("vocab") instanceof Map<?, ?> vocab)) {
      throw VectorFormatException.inFile(file, "model type " + model.get("type")
          + " has no token → id vocabulary; x2s reads WordLevel and WordPiece tokenizers");
    }
    List<?> added = tok.get("added_tokens") instanceof List<?> a ? a : List.of();
    Map<String, Object> ids = new java.util.LinkedHashMap<>(); // token → raw id, model vocab first
    Map<String, String> where = new java.util.HashMap<>();
    for (Map.Entry<?, ?> en : vocab.entrySet()) {
      ids.put((String) en.getKey(), en.getValue());
      where.put((String) en.getKey(), "model.vocab[\"" + en.getKey() + "\"]");
    }
    Set<String> special = new HashSet<>();
    for (Object o : added) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("content") instanceof String content)) {
        throw VectorFormatException.inFile(file, "added_tokens: an entry without \"content\"");
      }
      if (!ids.containsKey(content)) {
        ids.put(content, m.get("id"));
        where.put(content, "added_tokens[\"" + content + "\"]");
      }
      if (Boolean.TRUE.equals(m.get("special"))) {
        special.add(content);
      }
    }
    if (model.get("unk_token") instanceof String unk) {
      special.add(unk);
    }
    String[] byId = new String[ids.size()];
    for (Map.Entry<String, Object> en : ids.entrySet()) {
      int id = id(file, where.get(en.getKey()), en.getValue(), byId.length);
      if (byId[id] != null) {
        throw VectorFormatException.inFile(file, where.get(en.getKey()) + ": id " + id + " is also the id of \""
            + byId[id] + "\"");
      }
      byId[id] = en.getKey();
    }
    // n distinct ids in [0, n): every row has its token
    for (int id = 0; id < byId.length; id++) {
      if (special.contains(byId[id])) {
        byId[id] = null;
      }
    }
    return byId;
  }

  private static int id(Path file, String what, Object v, int bound) throws VectorFormatException {
    if (!(v instanceof BigDecimal d)) {
      throw VectorFormatException.inFile(file, what + ": id is not a number");
    }
    int id;
    try {
      id = d.intValueExact();
    } catch (ArithmeticException ex) {
      throw VectorFormatException.inFile(file, what + ": id " + d + " is not an integer");
    }
    if (id < 0 || id >= bound) {
      throw VectorFormatException.inFile(file, what + ": id " + id + " out of range: the "
          + bound + " tokens must use ids 0…" + (bound - 1) + ", one row each");
    }
    return id;
  }
}
