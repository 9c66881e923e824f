package dev.x2s.jobs.options;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The options of one job, read from the {@link Option} annotations on the components of its options
 * record — the single declaration of each option. From it come:
 *
 * <ul>
 *   <li>the command line: one flag {@code --name} per option (the cli module builds the picocli options
 *       from {@link #options()});
 *   <li>config files: the same names as keys ({@link #resolve}: defaults, then each source in order, an
 *       unknown key an error naming the source and the key);
 *   <li>provenance: {@link #provenance} (snake_case keys, values as {@link ValueType#json});
 *   <li>fingerprints: {@link #fingerprint} over the options that declare the fingerprint's name;
 *   <li>copies in code: {@link #builder}, {@link OptionRecord#with}.
 * </ul>
 *
 * <p>Validation that ties values together stays in the record's compact constructor, which every path
 * goes through.
 *
 * @param <R> the options record
 */
public final class OptionSet<R extends Record> {
  private static final ClassValue<OptionSet<?>> CACHE = new ClassValue<>() {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected OptionSet<?> computeValue(Class<?> type) {
      return new OptionSet(type.asSubclass(Record.class));
    }
  };

  private final Class<R> type;
  private final List<OptionDef> options;
  private final Map<String, OptionDef> byName = new LinkedHashMap<>();
  private final Constructor<R> constructor;

  private OptionSet(Class<R> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] cs = type.getRecordComponents();
    List<OptionDef> defs = new ArrayList<>();
    for (RecordComponent c : cs) {
      OptionDef d = OptionDef.of(c);
      defs.add(d);
      for (String n : names(d)) {
        OptionDef clash = byName.put(OptionDef.normalize(n), d);
        if (clash != null) {
          throw new IllegalStateException(type.getSimpleName() + ": name '" + n + "' is used by " + clash.name()
              + " and " + d.name());
        }
      }
    }
    this.options = List.copyOf(defs);
    try {
      this.constructor = type.getDeclaredConstructor(
          Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(OptionDef d) {
    List<String> n = new ArrayList<>();
    n.add(d.name());
    n.addAll(d.aliases());
    return n;
  }

  /** The options declared on {@code type} (read once per class). */
  @SuppressWarnings("unchecked")
  public static <R extends Record> OptionSet<R> of(Class<R> type) {
    return (OptionSet<R>) CACHE.get(type);
  }

  public Class<R> type() {
    return type;
  }

  /** Every option, in declaration order. */
  public List<OptionDef> options() {
    return options;
  }

  /** The option called {@code name} (or an alias of it; any case, {@code -} or {@code _}). */
  public Optional<OptionDef> find(String name) {
    return Optional.ofNullable(byName.get(OptionDef.normalize(name)));
  }

  /** The option called {@code name}; an {@link OptionException} listing the known names if there is none. */
  public OptionDef option(String name) {
    return find(name).orElseThrow(() -> new OptionException("unknown option '" + name + "' (known: "
        + knownNames() + ")"));
  }

  private String knownNames() {
    return options.stream().map(OptionDef::name).sorted().collect(Collectors.joining(", "));
  }

  /** The names of the fingerprints some option enters, sorted. */
  public SortedSet<String> fingerprints() {
    TreeSet<String> s = new TreeSet<>();
    options.forEach(o -> s.addAll(o.fingerprint()));
    return Collections.unmodifiableSortedSet(s);
  }

  /**
   * The record from the defaults overridden by each source in turn.
   *
   * @throws OptionException for an unknown name, a malformed value (naming its source) or a required
   *     option that no source gives
   * @throws IllegalArgumentException from the record's own validation
   */
  public R resolve(List<OptionSource> sources) {
    Map<OptionDef, Object> values = new LinkedHashMap<>();
    for (OptionSource source : sources) {
      Map<OptionDef, String> seen = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : source.values().entrySet()) {
        OptionDef d = find(e.getKey()).orElseThrow(() -> new OptionException(
            (source.kind() == OptionSource.Kind.FILE ? source.name() + ": unknown option '" : "unknown option '")
                + e.getKey() + "' (known: " + knownNames() + ")"));
        String before = seen.put(d, e.getKey());
        if (before != null) {
          throw new OptionException(source.describe(d.name(), e.getKey()) + " is given twice (as '" + before
              + "' and '" + e.getKey() + "')");
        }
        if (e.getValue() == null) {
          continue;
        }
        try {
          values.put(d, d.parse(e.getValue())); // typed values pass through, text and YAML values are read
        } catch (IllegalArgumentException ex) {
          throw new OptionException(source.describe(d.name(), e.getKey()) + " " + ex.getMessage(), ex);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    Object[] args = new Object[options.size()];
    for (int i = 0; i < args.length; i++) {
      OptionDef d = options.get(i);
      Object v = values.containsKey(d) ? values.get(d) : d.defaultValue();
      if (v == null && (d.required() || d.javaType().isPrimitive())) {
        missing.add("--" + d.name());
      }
      args[i] = v;
    }
    if (!missing.isEmpty()) {
      throw new OptionException((missing.size() == 1 ? "option " : "options ") + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " required");
    }
    return construct(args);
  }

  private R construct(Object[] args) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The options recorded in provenance: snake_case key → value as {@link ValueType#json}, in declaration order. */
  public Map<String, Object> provenance(R record) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (OptionDef d : options) {
      if (d.provenance()) {
        m.put(d.key(), d.json(d.get(record)));
      }
    }
    return m;
  }

  /**
   * The options in fingerprint {@code name}: snake_case key → the text of its JSON value, in declaration
   * order. Equal exactly when those options are equal.
   */
  public Map<String, String> fingerprintMap(R record, String name) {
    Map<String, String> m = new LinkedHashMap<>();
    for (OptionDef d : options) {
      if (d.fingerprint().contains(name)) {
        m.put(d.key(), d.fingerprintText(d.get(record)));
      }
    }
    if (m.isEmpty()) {
      throw new IllegalArgumentException(type.getSimpleName() + " declares no fingerprint '" + name + "'");
    }
    return Collections.unmodifiableMap(m);
  }

  /** {@link #fingerprintMap} as one line: {@code key=value|key=value}. */
  public String fingerprint(R record, String name) {
    return fingerprintMap(record, name).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("|"));
  }

  /** A builder starting from the defaults (required options still to be set). */
  public Builder<R> builder() {
    return new Builder<>(this, new LinkedHashMap<>());
  }

  /** A builder starting from {@code record}'s values. */
  public Builder<R> builder(R record) {
    Map<OptionDef, Object> v = new LinkedHashMap<>();
    for (OptionDef d : options) {
      v.put(d, d.get(record));
    }
    return new Builder<>(this, v);
  }

  /** The option an accessor reference ({@code DistillConfig::epochs}) reads. */
  public OptionDef option(Getter<R, ?> getter) {
    SerializedLambda l;
    try {
      Method m = getter.getClass().getDeclaredMethod("writeReplace");
      m.setAccessible(true);
      l = (SerializedLambda) m.invoke(getter);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("pass an accessor reference such as " + type.getSimpleName() + "::name", e);
    }
    String owner = l.getImplClass().replace('/', '.');
    for (OptionDef d : options) {
      if (owner.equals(type.getName()) && d.component().getAccessor().getName().equals(l.getImplMethodName())) {
        return d;
      }
    }
    throw new IllegalArgumentException("not an accessor of " + type.getSimpleName() + ": " + owner + "."
        + l.getImplMethodName() + " (pass " + type.getSimpleName() + "::name, not a lambda)");
  }

  /** Values set one by one (by accessor or by name), then {@link #build()} through the record's constructor. */
  public static final class Builder<R extends Record> {
    private final OptionSet<R> set;
    private final Map<OptionDef, Object> values;

    private Builder(OptionSet<R> set, Map<OptionDef, Object> values) {
      this.set = set;
      this.values = values;
    }

    /** Sets the option {@code option} reads. */
    public <V> Builder<R> set(Getter<R, V> option, V value) {
      values.put(set.option(option), value);
      return this;
    }

    /** Sets option {@code name} to a typed value, or to a value written as on the command line. */
    public Builder<R> set(String name, Object value) {
      OptionDef d = set.option(name);
      try {
        values.put(d, value == null ? null : d.parse(value));
      } catch (IllegalArgumentException e) {
        throw new OptionException("option '" + d.name() + "' " + e.getMessage(), e);
      }
      return this;
    }

    public R build() {
      Map<String, Object> m = new LinkedHashMap<>();
      values.forEach((d, v) -> m.put(d.name(), v));
      return set.resolve(List.of(OptionSource.code(m)));
    }
  }
}
