package dev.x2s.x2static.cache;

import dev.x2s.jobs.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a context cache holds: the corpus (by sha256), the teacher (by id) and every setting that changes
 * the cached vectors or sentences. Two runs with equal identities share a cache; {@link #key()} names its
 * directory (and covers the cache format version, so a cache of another format is never found by key).
 *
 * @param corpusSha256 sha256 of the corpus file's bytes, hex
 * @param teacherId the teacher id as configured
 * @param settings layer(s), variant, lower-casing, splitter, word-tokenizer version, sentence limit
 */
public record CacheIdentity(String corpusSha256, String teacherId, Map<String, String> settings) {
  /** Version of x2s's word tokenizer + sentence splitters; bump when their output changes. */
  public static final String TOKENIZER_VERSION = "x2s-words-1";

  public CacheIdentity {
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** sha256 over the canonical text of the identity and the cache format version, hex (64 characters). */
  public String key() {
    StringBuilder sb = new StringBuilder();
    sb.append("format=").append(CacheManifest.FORMAT).append('/').append(CacheManifest.VERSION).append('\n');
    sb.append("corpus=").append(corpusSha256).append('\n');
    sb.append("teacher=").append(teacherId).append('\n');
    settings.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return Sha256.of(sb.toString());
  }

  /** Human-readable differences from {@code other} ("teacher: a ≠ b"), empty when equal. */
  public Map<String, String> differences(CacheIdentity other) {
    Map<String, String> d = new LinkedHashMap<>();
    if (!teacherId.equals(other.teacherId)) {
      d.put("teacher", teacherId + " vs " + other.teacherId);
    }
    if (!corpusSha256.equals(other.corpusSha256)) {
      d.put("corpus sha256", corpusSha256 + " vs " + other.corpusSha256);
    }
    TreeMap<String, String> all = new TreeMap<>(settings);
    other.settings.forEach(all::putIfAbsent);
    for (String k : all.keySet()) {
      String a = settings.get(k);
      String b = other.settings.get(k);
      if (!java.util.Objects.equals(a, b)) {
        d.put(k, a + " vs " + b);
      }
    }
    return d;
  }
}
