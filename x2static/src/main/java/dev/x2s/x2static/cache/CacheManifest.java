package dev.x2s.x2static.cache;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of a context cache: identity, teacher facts, data sizes and CRC32C checksums,
 * and whether the cache is complete. It is rewritten atomically (temp file + rename) after the data files
 * have been forced to disk, so the sizes and checksums it records always describe a durable prefix.
 *
 * @param identity what the cache holds
 * @param teacherFamily teacher family (bert, gpt2, elmo, ...)
 * @param teacherLayers teacher hidden states (input layer included)
 * @param teacherSource where the teacher's weights came from
 * @param dim context width
 * @param corpusPath the corpus file (informational; the identity holds its hash)
 * @param sentences sentences written
 * @param contextsBytes bytes of {@code contexts.f16} covered ({@code rows × dim × 2}; a row per sentence, or per word with exclude_target)
 * @param sentencesBytes bytes of {@code sentences.txt} covered
 * @param crcContexts CRC32C of those bytes of {@code contexts.f16}
 * @param crcSentences CRC32C of those bytes of {@code sentences.txt}
 * @param complete whether the whole corpus (up to the sentence limit) has been written
 * @param teacherSeconds wall time spent in the teacher stage, summed over resumed runs
 * @param corpusStats the corpus reader's counts (lines, bad UTF-8 lines, ...) when complete
 */
public record CacheManifest(
    CacheIdentity identity,
    String teacherFamily,
    int teacherLayers,
    String teacherSource,
    int dim,
    String corpusPath,
    long sentences,
    long contextsBytes,
    long sentencesBytes,
    long crcContexts,
    long crcSentences,
    boolean complete,
    double teacherSeconds,
    String corpusStats) {

  public static final String FORMAT = "x2s-contexts";
  public static final int VERSION = 1;
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  public CacheManifest with(long sentences, long contextsBytes, long sentencesBytes, long crcContexts,
      long crcSentences, boolean complete, double teacherSeconds, String corpusStats) {
    return new CacheManifest(identity, teacherFamily, teacherLayers, teacherSource, dim, corpusPath,
        sentences, contextsBytes, sentencesBytes, crcContexts, crcSentences, complete, teacherSeconds,
        corpusStats);
  }

  /** Context rows: one per sentence, or one per word when the target is excluded from its context. */
  public long rows() {
    return contextsBytes / (2L * dim);
  }

  /** Whether the cache holds one context per word occurrence (the exclude-target extension). */
  public boolean perWord() {
    return "true".equals(identity.settings().get("exclude_target"));
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("key", identity.key());
    JsonObject id = new JsonObject();
    id.addProperty("corpus_sha256", identity.corpusSha256());
    id.addProperty("teacher", identity.teacherId());
    JsonObject settings = new JsonObject();
    identity.settings().forEach(settings::addProperty);
    id.add("settings", settings);
    o.add("identity", id);
    JsonObject teacher = new JsonObject();
    teacher.addProperty("family", teacherFamily);
    teacher.addProperty("layers", teacherLayers);
    teacher.addProperty("source", teacherSource);
    o.add("teacher", teacher);
    o.addProperty("dim", dim);
    o.addProperty("dtype", "fp16");
    o.addProperty("byte_order", "little-endian");
    o.addProperty("corpus_path", corpusPath);
    o.addProperty("sentences", sentences);
    o.addProperty("contexts_bytes", contextsBytes);
    o.addProperty("sentences_bytes", sentencesBytes);
    o.addProperty("crc32c_contexts", String.format("%08x", crcContexts));
    o.addProperty("crc32c_sentences", String.format("%08x", crcSentences));
    o.addProperty("complete", complete);
    o.addProperty("teacher_seconds", teacherSeconds);
    o.addProperty("corpus_stats", corpusStats);
    return o;
  }

  /** Writes {@code dir/manifest.json} atomically. */
  void write(Path dir) throws IOException {
    byte[] bytes = (GSON.toJson(toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(ContextCache.MANIFEST), out -> out.write(bytes));
  }

  /** Reads {@code dir/manifest.json}; errors name the file and the field. */
  public static CacheManifest read(Path dir) throws IOException {
    Path file = dir.resolve(ContextCache.MANIFEST);
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new CacheException(file, "not a JSON object: " + e.getMessage());
    }
    try {
      if (!FORMAT.equals(str(o, "format", file))) {
        throw new CacheException(file, "format is " + o.get("format") + ", expected " + FORMAT);
      }
      int version = o.get("version").getAsInt();
      if (version != VERSION) {
        throw new CacheException(file, "cache version " + version + ", this x2s reads " + VERSION);
      }
      if (!"fp16".equals(str(o, "dtype", file))) {
        throw new CacheException(file, "dtype " + o.get("dtype") + ", expected fp16");
      }
      JsonObject id = o.getAsJsonObject("identity");
      Map<String, String> settings = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : id.getAsJsonObject("settings").entrySet()) {
        settings.put(e.getKey(), e.getValue().getAsString());
      }
      CacheIdentity identity = new CacheIdentity(str(id, "corpus_sha256", file), str(id, "teacher", file), settings);
      if (!identity.key().equals(str(o, "key", file))) {
        throw new CacheException(file, "key does not match the identity it records (edited by hand?)");
      }
      JsonObject t = o.getAsJsonObject("teacher");
      return new CacheManifest(identity, str(t, "family", file), t.get("layers").getAsInt(),
          str(t, "source", file), o.get("dim").getAsInt(), str(o, "corpus_path", file),
          o.get("sentences").getAsLong(), o.get("contexts_bytes").getAsLong(),
          o.get("sentences_bytes").getAsLong(), Long.parseLong(str(o, "crc32c_contexts", file), 16),
          Long.parseLong(str(o, "crc32c_sentences", file), 16), o.get("complete").getAsBoolean(),
          o.get("teacher_seconds").getAsDouble(),
          o.has("corpus_stats") && !o.get("corpus_stats").isJsonNull() ? o.get("corpus_stats").getAsString() : "");
    } catch (CacheException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheException(file, "missing or malformed field: " + e);
    }
  }

  private static String str(JsonObject o, String name, Path file) throws CacheException {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new CacheException(file, "missing field '" + name + "'");
    }
    return e.getAsString();
  }
}
