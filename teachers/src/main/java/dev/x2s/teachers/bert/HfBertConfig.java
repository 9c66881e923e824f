package dev.x2s.teachers.bert;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a {@link BertConfig} from a Hugging Face {@code config.json} (BERT, MiniLM, BGE and kin). */
public final class HfBertConfig {
  private HfBertConfig() {}

  /**
   * @throws WeightsException naming the file and the field when a field is missing or malformed
   */
  public static BertConfig read(Path configJson) {
    String src = configJson.toString();
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(configJson)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + configJson, e);
    } catch (RuntimeException e) {
      throw new WeightsException(src, "not a JSON object: " + e.getMessage(), e);
    }
    return parse(o, src);
  }

  /** Parses an already-read {@code config.json} object; {@code src} names it in errors. */
  public static BertConfig parse(JsonObject o, String src) {
    String act = o.has("hidden_act") ? o.get("hidden_act").getAsString() : "gelu";
    String activation = switch (act) {
      case "gelu" -> "gelu";
      case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> "gelu_tanh";
      default -> throw new WeightsException(src, "hidden_act '" + act + "' is not supported (gelu, gelu_new)");
    };
    String pos = o.has("position_embedding_type") ? o.get("position_embedding_type").getAsString() : "absolute";
    if (!pos.equals("absolute")) {
      throw new WeightsException(src, "position_embedding_type '" + pos + "' is not supported (absolute)");
    }
    return new BertConfig(
        intField(o, "vocab_size", src),
        intField(o, "hidden_size", src),
        intField(o, "num_hidden_layers", src),
        intField(o, "num_attention_heads", src),
        intField(o, "intermediate_size", src),
        intField(o, "max_position_embeddings", src),
        o.has("type_vocab_size") ? intField(o, "type_vocab_size", src) : 2,
        o.has("layer_norm_eps") ? o.get("layer_norm_eps").getAsDouble() : 1e-12,
        activation);
  }

  private static int intField(JsonObject o, String name, String src) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new WeightsException(src, "field " + name + " missing or not a number");
    }
    return e.getAsInt();
  }
}
