package dev.x2s.teachers.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face {@code config.json}, with typed getters whose errors name the file and the key.
 * Model-specific records (e.g. {@code Gpt2Config}) are built from it.
 */
public final class HfConfig {
  private final String source;
  private final JsonObject json;

  private HfConfig(String source, JsonObject json) {
    this.source = source;
    this.json = json;
  }

  /** Reads {@code file}; a missing file or malformed JSON raises {@link WeightsException}. */
  public static HfConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WeightsException(file.toString(), "cannot read config: " + e, e);
    }
    return parse(file.toString(), text);
  }

  /** Parses config text; {@code source} names it in errors. */
  public static HfConfig parse(String source, String text) {
    try {
      JsonElement el = JsonParser.parseString(text);
      if (!el.isJsonObject()) {
        throw new WeightsException(source, "config is not a JSON object");
      }
      return new HfConfig(source, el.getAsJsonObject());
    } catch (JsonParseException e) {
      // gson's message carries "line L column C"
      throw new WeightsException(source, "malformed JSON: " + e.getMessage(), e);
    }
  }

  /** The file (or label) the config came from. */
  public String source() {
    return source;
  }

  /** True when {@code key} is present and not JSON null. */
  public boolean has(String key) {
    JsonElement el = json.get(key);
    return el != null && !el.isJsonNull();
  }

  /** A required integer value. */
  public int getInt(String key) {
    return intValue(key, require(key));
  }

  /** An optional integer value ({@code def} when absent or null). */
  public int getInt(String key, int def) {
    return has(key) ? intValue(key, json.get(key)) : def;
  }

  /** A required number. */
  public double getDouble(String key) {
    return number(key, require(key)).doubleValue();
  }

  /** An optional number. */
  public double getDouble(String key, double def) {
    return has(key) ? number(key, json.get(key)).doubleValue() : def;
  }

  /** An optional string. */
  public String getString(String key, String def) {
    if (!has(key)) {
      return def;
    }
    JsonElement el = json.get(key);
    if (!el.isJsonPrimitive() || !el.getAsJsonPrimitive().isString()) {
      throw bad(key, "a string", el);
    }
    return el.getAsString();
  }

  /** An optional boolean. */
  public boolean getBoolean(String key, boolean def) {
    if (!has(key)) {
      return def;
    }
    JsonElement el = json.get(key);
    if (!el.isJsonPrimitive() || !el.getAsJsonPrimitive().isBoolean()) {
      throw bad(key, "true or false", el);
    }
    return el.getAsBoolean();
  }

  private JsonElement require(String key) {
    if (!has(key)) {
      throw new WeightsException(source, "missing key \"" + key + "\"");
    }
    return json.get(key);
  }

  private Number number(String key, JsonElement el) {
    if (!el.isJsonPrimitive() || !el.getAsJsonPrimitive().isNumber()) {
      throw bad(key, "a number", el);
    }
    return el.getAsNumber();
  }

  private int intValue(String key, JsonElement el) {
    JsonPrimitive p = el.isJsonPrimitive() ? el.getAsJsonPrimitive() : null;
    if (p == null || !p.isNumber()) {
      throw bad(key, "an integer", el);
    }
    try {
      return p.getAsBigDecimal().intValueExact();
    } catch (ArithmeticException e) {
      throw bad(key, "an integer", el);
    }
  }

  private WeightsException bad(String key, String expected, JsonElement el) {
    return new WeightsException(source, "key \"" + key + "\" must be " + expected + ", found " + el);
  }
}
