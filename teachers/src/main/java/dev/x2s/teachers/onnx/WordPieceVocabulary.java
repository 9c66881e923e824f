package dev.x2s.teachers.onnx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.WeightsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary and its normalisation settings, read from a Hugging Face
 * {@code tokenizer.json} whose model is {@code WordPiece} (BERT, MiniLM, BGE).
 *
 * @param tokens pieces by id ({@code tokens.get(id)}), continuation pieces carry {@link #prefix()}
 * @param lowercase the BertNormalizer lower-cases
 * @param stripAccents the BertNormalizer strips accents (defaults to {@code lowercase}, as in HF)
 * @param unkToken the unknown piece, e.g. {@code [UNK]}
 * @param prefix continuation prefix, e.g. {@code ##}
 * @param maxInputCharsPerWord longer words become {@link #unkToken()}
 * @param source file the vocabulary came from
 */
public record WordPieceVocabulary(
    List<String> tokens, boolean lowercase, boolean stripAccents, String unkToken, String prefix,
    int maxInputCharsPerWord, String source) {

  /** Parses {@code tokenizer.json} bytes; {@code source} names the file in errors. */
  public static WordPieceVocabulary fromTokenizerJson(String source, byte[] json) {
    JsonObject root;
    try {
      root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new WeightsException(source, "not a tokenizer.json: " + e.getMessage(), e);
    }
    JsonObject model = object(root, "model", source);
    String type = string(model, "type", null);
    if (!"WordPiece".equals(type)) {
      throw new WeightsException(source, "tokenizer model is " + type + ", expected WordPiece");
    }
    JsonObject vocab = object(model, "vocab", source);
    String[] byId = new String[vocab.size()];
    for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
      int id = e.getValue().getAsInt();
      if (id < 0 || id >= byId.length || byId[id] != null) {
        throw new WeightsException(source, "vocab id " + id + " of '" + e.getKey()
            + "' is out of range or repeated (ids must be 0.." + (byId.length - 1) + ")");
      }
      byId[id] = e.getKey();
    }
    boolean lower = false;
    Boolean strip = null;
    JsonElement norm = root.get("normalizer");
    if (norm != null && norm.isJsonObject()) {
      JsonObject n = norm.getAsJsonObject();
      if (!"BertNormalizer".equals(string(n, "type", null))) {
        throw new WeightsException(source, "normalizer " + string(n, "type", null)
            + " is not supported (BertNormalizer expected)");
      }
      lower = n.has("lowercase") && n.get("lowercase").getAsBoolean();
      if (n.has("strip_accents") && !n.get("strip_accents").isJsonNull()) {
        strip = n.get("strip_accents").getAsBoolean();
      }
    }
    int maxChars = model.has("max_input_chars_per_word")
        ? model.get("max_input_chars_per_word").getAsInt() : 100;
    List<String> tokens = new ArrayList<>(Arrays.asList(byId));
    String unk = string(model, "unk_token", "[UNK]");
    if (!tokens.contains(unk)) {
      throw new WeightsException(source, "unknown token " + unk + " is not in the vocabulary");
    }
    return new WordPieceVocabulary(List.copyOf(tokens), lower, strip == null ? lower : strip, unk,
        string(model, "continuing_subword_prefix", "##"), maxChars, source);
  }

  public int size() {
    return tokens.size();
  }

  private static JsonObject object(JsonObject o, String key, String source) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonObject()) {
      throw new WeightsException(source, "no object '" + key + "' in tokenizer.json");
    }
    return e.getAsJsonObject();
  }

  private static String string(JsonObject o, String key, String fallback) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? fallback : e.getAsString();
  }
}
