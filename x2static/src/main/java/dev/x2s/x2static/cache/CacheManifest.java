package dev.x2s.x2static.cache;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreManifest;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a context cache's commit says about it: identity, teacher facts, sentences written, teacher time
 * and corpus counts. It travels as the {@code meta} of the row store's {@code manifest.json}, so it is
 * committed atomically with the rows and sentences it counts; rows, sizes, checksums and the complete
 * flag are the row store's.
 *
 * @param identity what the cache holds
 * @param teacherFamily teacher family (bert, gpt2, elmo, ...)
 * @param teacherLayers teacher hidden states (input layer included)
 * @param teacherSource where the teacher's weights came from
 * @param dim context width
 * @param corpusPath the corpus file (informational; the identity holds its hash)
 * @param sentences sentences written
 * @param rows context rows written: one per sentence, or one per word with exclude_target
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
    long rows,
    boolean complete,
    double teacherSeconds,
    String corpusStats) {

  public static final String FORMAT = "x2s-contexts";
  /**
   * Version of the cache layout; part of every cache key ({@link CacheIdentity#key()}), so a cache of
   * another version is never found under a key, and refused when given by path. 2: on the row store.
   */
  public static final int VERSION = 2;

  public CacheManifest with(long sentences, long rows, boolean complete, double teacherSeconds, String corpusStats) {
    return new CacheManifest(identity, teacherFamily, teacherLayers, teacherSource, dim, corpusPath, sentences, rows,
        complete, teacherSeconds, corpusStats);
  }

  /** Whether the cache holds one context per word occurrence (the exclude-target extension). */
  public boolean perWord() {
    return "true".equals(identity.settings().get("exclude_target"));
  }

  /** The row store's {@code meta}: everything above but the rows and the complete flag. */
  JsonObject toMeta() {
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
    o.addProperty("corpus_path", corpusPath);
    o.addProperty("sentences", sentences);
    o.addProperty("teacher_seconds", teacherSeconds);
    o.addProperty("corpus_stats", corpusStats);
    return o;
  }

  /** Reads the last commit of the cache in {@code dir}; errors name the manifest and the field. */
  public static CacheManifest read(Path dir) throws IOException {
    return of(RowStoreManifest.read(dir), dir);
  }

  /** The cache's view of a row store's commit. */
  static CacheManifest of(RowStoreManifest m, Path dir) throws RowStoreException {
    Path file = dir.resolve(RowStore.MANIFEST);
    JsonObject o = m.meta(dir, FORMAT, VERSION);
    try {
      if (m.dtype() != Dtype.FP16) {
        throw new RowStoreException(file, "dtype " + m.dtype() + ", a context cache holds fp16");
      }
      JsonObject id = o.getAsJsonObject("identity");
      Map<String, String> settings = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : id.getAsJsonObject("settings").entrySet()) {
        settings.put(e.getKey(), e.getValue().getAsString());
      }
      CacheIdentity identity = new CacheIdentity(str(id, "corpus_sha256", file), str(id, "teacher", file), settings);
      if (!identity.key().equals(str(o, "key", file))) {
        throw new RowStoreException(file, "key does not match the identity it records (edited by hand?)");
      }
      JsonObject t = o.getAsJsonObject("teacher");
      CacheManifest c = new CacheManifest(identity, str(t, "family", file), t.get("layers").getAsInt(),
          str(t, "source", file), m.width(), str(o, "corpus_path", file), o.get("sentences").getAsLong(), m.rows(),
          m.complete(), o.get("teacher_seconds").getAsDouble(),
          o.has("corpus_stats") && !o.get("corpus_stats").isJsonNull() ? o.get("corpus_stats").getAsString() : "");
      if (!c.perWord() && c.rows() != c.sentences()) {
        throw new RowStoreException(file, c.rows() + " context rows for " + c.sentences() + " sentences");
      }
      return c;
    } catch (RowStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RowStoreException(file, "missing or malformed field: " + e);
    }
  }

  private static String str(JsonObject o, String name, Path file) throws RowStoreException {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new RowStoreException(file, "missing field '" + name + "'");
    }
    return e.getAsString();
  }
}
