package dev.x2s.teachers.elmo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Architecture of a bilm-tf / AllenNLP ELMo, as given by its {@code options.json}.
 *
 * @param charEmbeddingDim width of a character embedding ({@code char_cnn.embedding.dim})
 * @param filters convolution filters, each {@code {width, count}} ({@code char_cnn.filters})
 * @param highwayLayers highway layers after the convolutions ({@code char_cnn.n_highway})
 * @param characters {@code char_cnn.n_characters} as written: 262 in released inference options,
 *     261 in bilm-tf training options; informational only, since the weight file always holds the
 *     261 rows of ids 1..261 and id 0 (padding token) embeds to zeros, whatever this says
 * @param maxCharactersPerToken characters per token including begin/end-of-word ({@code 50})
 * @param activation {@code relu} or {@code tanh}, applied after max-pooling each convolution
 * @param cellDim LSTM memory cell width ({@code lstm.dim})
 * @param projectionDim LSTM output width after projection, also the token embedding width
 *     ({@code lstm.projection_dim})
 * @param lstmLayers LSTM layers per direction ({@code lstm.n_layers})
 * @param cellClip memory cell clip value, 0 for none ({@code lstm.cell_clip})
 * @param projectionClip projected output clip value, 0 for none ({@code lstm.proj_clip})
 * @param skipConnections whether layers above the first add their input to their output
 */
public record ElmoOptions(
    int charEmbeddingDim,
    List<int[]> filters,
    int highwayLayers,
    int characters,
    int maxCharactersPerToken,
    String activation,
    int cellDim,
    int projectionDim,
    int lstmLayers,
    double cellClip,
    double projectionClip,
    boolean skipConnections) {

  public ElmoOptions {
    filters = List.copyOf(filters);
  }

  /** Total number of convolution filters: the width of the highway layers. */
  public int filterCount() {
    int n = 0;
    for (int[] f : filters) {
      n += f[1];
    }
    return n;
  }

  /** Hidden states returned by the teacher: the token layer plus one per LSTM layer. */
  public int outputLayers() {
    return lstmLayers + 1;
  }

  /** Width of every returned layer: forward and backward halves of {@link #projectionDim}. */
  public int outputDim() {
    return 2 * projectionDim;
  }

  /**
   * Reads and checks {@code options.json}.
   *
   * @throws WeightsException naming the file and the missing or invalid key
   */
  public static ElmoOptions read(Path file) {
    String src = file.toString();
    JsonObject root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement e = JsonParser.parseReader(r);
      if (!e.isJsonObject()) {
        throw new WeightsException(src, "options file is not a JSON object");
      }
      root = e.getAsJsonObject();
    } catch (IOException e) {
      throw new WeightsException(src, "cannot read ELMo options: " + e, e);
    } catch (JsonParseException e) {
      throw new WeightsException(src, "options file is not valid JSON: " + e.getMessage(), e);
    }
    JsonObject cnn = object(root, "char_cnn", src);
    JsonObject lstm = object(root, "lstm", src);
    JsonObject embedding = object(cnn, "embedding", src, "char_cnn.");

    List<int[]> filters = new ArrayList<>();
    JsonElement fe = cnn.get("filters");
    if (fe == null || !fe.isJsonArray() || fe.getAsJsonArray().isEmpty()) {
      throw new WeightsException(src, "char_cnn.filters must be a non-empty list of [width, count]");
    }
    for (JsonElement f : fe.getAsJsonArray()) {
      if (!f.isJsonArray() || f.getAsJsonArray().size() != 2) {
        throw new WeightsException(src, "char_cnn.filters entry " + f + " is not [width, count]");
      }
      int width = f.getAsJsonArray().get(0).getAsInt();
      int count = f.getAsJsonArray().get(1).getAsInt();
      if (width <= 0 || count <= 0) {
        throw new WeightsException(src, "char_cnn.filters entry " + f + " must be positive");
      }
      filters.add(new int[] {width, count});
    }
    String activation = string(cnn, "activation", src, "char_cnn.");
    if (!activation.equals("relu") && !activation.equals("tanh")) {
      throw new WeightsException(src, "char_cnn.activation '" + activation + "' is not relu or tanh");
    }
    ElmoOptions o =
        new ElmoOptions(
            positive(embedding, "dim", src, "char_cnn.embedding."),
            filters,
            nonNegative(cnn, "n_highway", src, "char_cnn."),
            positive(cnn, "n_characters", src, "char_cnn."),
            positive(cnn, "max_characters_per_token", src, "char_cnn."),
            activation,
            positive(lstm, "dim", src, "lstm."),
            positive(lstm, "projection_dim", src, "lstm."),
            positive(lstm, "n_layers", src, "lstm."),
            optionalClip(lstm, "cell_clip", src),
            optionalClip(lstm, "proj_clip", src),
            lstm.has("use_skip_connections") && lstm.get("use_skip_connections").getAsBoolean());
    int widest = filters.stream().mapToInt(f -> f[0]).max().orElseThrow();
    if (o.maxCharactersPerToken() < Math.max(3, widest)) {
      throw new WeightsException(
          src, "char_cnn.max_characters_per_token " + o.maxCharactersPerToken()
              + " is shorter than the widest filter (" + widest + ") or 3");
    }
    return o;
  }

  private static JsonObject object(JsonObject parent, String key, String src) {
    return object(parent, key, src, "");
  }

  private static JsonObject object(JsonObject parent, String key, String src, String prefix) {
    JsonElement e = parent.get(key);
    if (e == null || !e.isJsonObject()) {
      throw new WeightsException(src, "missing object '" + prefix + key + "'");
    }
    return e.getAsJsonObject();
  }

  private static String string(JsonObject o, String key, String src, String prefix) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive()) {
      throw new WeightsException(src, "missing key '" + prefix + key + "'");
    }
    return e.getAsString();
  }

  private static int positive(JsonObject o, String key, String src, String prefix) {
    int v = integer(o, key, src, prefix);
    if (v <= 0) {
      throw new WeightsException(src, "'" + prefix + key + "' must be positive, is " + v);
    }
    return v;
  }

  private static int nonNegative(JsonObject o, String key, String src, String prefix) {
    int v = integer(o, key, src, prefix);
    if (v < 0) {
      throw new WeightsException(src, "'" + prefix + key + "' must not be negative, is " + v);
    }
    return v;
  }

  private static int integer(JsonObject o, String key, String src, String prefix) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new WeightsException(src, "missing number '" + prefix + key + "'");
    }
    double d = e.getAsDouble();
    if (d != Math.rint(d)) {
      throw new WeightsException(src, "'" + prefix + key + "' must be an integer, is " + d);
    }
    return (int) d;
  }

  /** An absent or null clip means "no clipping" (as AllenNLP's falsy check); stored as 0. */
  private static double optionalClip(JsonObject o, String key, String src) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return 0;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() < 0) {
      throw new WeightsException(src, "'lstm." + key + "' must be a non-negative number, is " + e);
    }
    return e.getAsDouble();
  }
}
