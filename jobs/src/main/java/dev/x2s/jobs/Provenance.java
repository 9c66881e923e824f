package dev.x2s.jobs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.jobs.options.ValueType;
import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The provenance file of a job's output — the one writer every x2s job uses, so every such file has the
 * same frame and the same key style:
 *
 * <pre>{@code
 * { "tool": "x2s distill",
 *   "versions": {"x2s": "0.1.0-SNAPSHOT", "java": "17.0.12", "os": "Linux amd64", ...},
 *   "started": "2026-…Z", "finished": "2026-…Z",
 *   "config": { every option recorded in provenance, as its YAML key: a valid --config file },
 *   ... the job's own sections ...,
 *   "seconds": { ..., "total": wall seconds from start() to this file } }
 * }</pre>
 *
 * <p>Keys are snake_case: the options' YAML keys are kebab-case words, and snake_case is the same words
 * with {@code _} — which the YAML reader accepts too, so {@code config} can be pasted back into a config
 * file — while staying plain identifiers for the tools that read these files ({@code jq .config.max_sentences},
 * Python). {@link #put} rejects other keys; records are written with their component names in snake_case,
 * options records ({@link Option}) as their provenance fields.
 *
 * <p>The x2s version comes from {@link Version}. Files are written atomically, pretty-printed, nulls kept.
 */
public final class Provenance {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .serializeSpecialFloatingPointValues().create();

  private final String tool;
  private final Instant started;
  private final long startNanos;
  private final Map<String, Object> versions = new LinkedHashMap<>();
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> seconds = new LinkedHashMap<>();

  private Provenance(String tool, Instant started, long startNanos) {
    this.tool = tool;
    this.started = started;
    this.startNanos = startNanos;
    versions.put("x2s", Version.x2s());
    versions.put("java", System.getProperty("java.version"));
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }

  /** Starts the record of a job ({@code tool}: {@code "x2s distill"}); the clock for {@code seconds.total} starts now. */
  public static Provenance start(String tool) {
    return new Provenance(tool, Instant.now(), System.nanoTime());
  }

  /** The provenance file of an output file: {@code <file>.provenance.json} beside it. */
  public static Path fileFor(Path output) {
    return output.toAbsolutePath().resolveSibling(output.getFileName() + ".provenance.json");
  }

  /** An independent copy (e.g. one per output file of a job). */
  public Provenance copy() {
    Provenance p = new Provenance(tool, started, startNanos);
    p.versions.putAll(versions);
    p.fields.putAll(fields);
    p.seconds.putAll(seconds);
    return p;
  }

  /** The job's options record, as {@code config}: every option declared for provenance. */
  public Provenance config(Record options) {
    return put("config", options);
  }

  /**
   * Adds (or replaces) a top-level field.
   *
   * @param key snake_case
   * @param value a string, number, boolean, null, path, enum, record, map, collection or array
   */
  public Provenance put(String key, Object value) {
    fields.put(checkKey(key), json(value));
    return this;
  }

  /** Adds the version of a library the job used (e.g. {@code dl4j}). */
  public Provenance version(String name, String version) {
    versions.put(checkKey(name), version);
    return this;
  }

  /** Adds a timing to {@code seconds} (wall seconds, rounded to milliseconds). */
  public Provenance seconds(String key, double value) {
    seconds.put(checkKey(key), round(value));
    return this;
  }

  private static String checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("provenance keys are snake_case, not '" + key + "'");
    }
    if (key.equals("tool") || key.equals("versions") || key.equals("started") || key.equals("finished")
        || key.equals("seconds")) {
      throw new IllegalArgumentException("'" + key + "' is written by Provenance itself");
    }
    return key;
  }

  private static double round(double s) {
    return Double.isFinite(s) ? Math.round(s * 1000) / 1000.0 : s;
  }

  /** The file's content as a tree of maps and lists; {@code finished} and {@code seconds.total} are now. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", tool);
    m.put("versions", new LinkedHashMap<>(versions));
    m.put("started", started.toString());
    m.put("finished", Instant.now().toString());
    m.putAll(fields);
    Map<String, Object> s = new LinkedHashMap<>(seconds);
    s.put("total", round((System.nanoTime() - startNanos) / 1e9));
    m.put("seconds", s);
    return m;
  }

  public String toJson() {
    return GSON.toJson(toMap()) + "\n";
  }

  /** Writes the file atomically; returns it. */
  public Path write(Path file) throws IOException {
    byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
    return file;
  }

  /** Writes {@link #fileFor}{@code (output)}; returns it. */
  public Path writeFor(Path output) throws IOException {
    return write(fileFor(output));
  }

  /** {@code numLayers} → {@code num_layers}. */
  public static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A value as JSON-ready maps, lists and scalars (the rules of {@link #put}). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object json(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Path || v instanceof Instant || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof Enum<?> e) {
      return ValueType.enumId(e);
    }
    if (v instanceof LayerSpec s) {
      return s.layers();
    }
    if (v instanceof SentenceLimit s) {
      return s.json();
    }
    if (v instanceof Record r) {
      RecordComponent[] cs = r.getClass().getRecordComponents();
      if (cs.length > 0 && cs[0].isAnnotationPresent(Option.class)) {
        return OptionSet.of((Class) r.getClass()).provenance(r);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent c : cs) {
        java.lang.reflect.Method get = c.getAccessor();
        try {
          if (!get.canAccess(r)) {
            get.setAccessible(true);
          }
          m.put(snake(c.getName()), json(get.invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return m;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, x) -> m.put(String.valueOf(k), json(x)));
      return m;
    }
    if (v instanceof Collection<?> c) {
      List<Object> l = new ArrayList<>(c.size());
      c.forEach(x -> l.add(json(x)));
      return l;
    }
    if (v.getClass().isArray()) {
      int n = Array.getLength(v);
      List<Object> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(json(Array.get(v, i)));
      }
      return l;
    }
    return v.toString();
  }
}
