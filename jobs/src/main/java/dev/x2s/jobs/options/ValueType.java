package dev.x2s.jobs.options;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How values of one type are read and written, the same for every surface: {@link #parse} reads a value
 * as typed on the command line or in {@link Option#defaultValue()} (a string) or as a YAML parser made it
 * (string, number, boolean, list); {@link #json} is the value in provenance files, and its text the value
 * in fingerprints; {@link #text} is the value in {@code --help} and messages.
 *
 * <p>Types: {@code String}; {@code int}, {@code long}; {@code double} ({@code 1e-3} is fine);
 * {@code boolean} ({@code true}/{@code false}); {@code Path}; enums (by {@code id()} if the enum has one,
 * else the constant's name in lower case with {@code -} for {@code _}; input is case-insensitive and
 * {@code -}/{@code _} are equivalent; the enum's own static {@code parse(String)}, if any, reads other
 * spellings); {@link LayerSpec}; {@link SentenceLimit}; and {@code List} / {@code Set} of those
 * (comma-separated or a YAML list; sets are written sorted by text).
 */
public interface ValueType<T> {
  /**
   * The value of {@code raw}; a value already of the type is returned as it is (a collection is copied).
   *
   * @throws IllegalArgumentException with a message that completes "--lr …", e.g. "must be a number, not 'x'"
   */
  T parse(Object raw);

  /** The value in provenance (a string, number, boolean, list or null); its text is the fingerprint's. */
  Object json(T value);

  /** The value as a person writes it (help, messages); by default the JSON form's text. */
  default String text(T value) {
    Object j = json(value);
    if (j instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(j);
  }

  /** Whether the command line takes a comma-separated list and repeats ({@code --layers 0 --layers 3}). */
  default boolean multiValued() {
    return false;
  }

  /** Casts and applies {@link #json} to a value of unchecked type. */
  @SuppressWarnings("unchecked")
  default Object jsonOf(Object value) {
    return value == null ? null : json((T) value);
  }

  /** Casts and applies {@link #text} to a value of unchecked type. */
  @SuppressWarnings("unchecked")
  default String textOf(Object value) {
    return value == null ? "" : text((T) value);
  }

  /** The type of values of {@code type} (a record component's generic type). */
  static ValueType<?> of(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
        && (raw == List.class || raw == Set.class)) {
      Type element = p.getActualTypeArguments()[0];
      return new CollectionType<>(of(element), raw == Set.class);
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("options of type " + type + " are not supported");
    }
    if (c == String.class) {
      return STRING;
    }
    if (c == int.class || c == Integer.class) {
      return INT;
    }
    if (c == long.class || c == Long.class) {
      return LONG;
    }
    if (c == double.class || c == Double.class) {
      return DOUBLE;
    }
    if (c == boolean.class || c == Boolean.class) {
      return BOOLEAN;
    }
    if (c == Path.class) {
      return PATH;
    }
    if (c == LayerSpec.class) {
      return LAYERS;
    }
    if (c == SentenceLimit.class) {
      return SENTENCES;
    }
    if (c.isEnum()) {
      return enumType(c.asSubclass(Enum.class));
    }
    throw new IllegalArgumentException("options of type " + c.getName() + " are not supported");
  }

  /** An enum's id: its {@code id()} if it has one, else its name in lower case with {@code -} for {@code _}. */
  static String enumId(Enum<?> e) {
    try {
      Method id = e.getDeclaringClass().getMethod("id");
      if (id.getReturnType() == String.class && !Modifier.isStatic(id.getModifiers())) {
        return (String) id.invoke(e);
      }
    } catch (NoSuchMethodException ignored) {
      // the default id
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(ex);
    }
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String scalar(Object raw, String what) {
    if (raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof Path) {
      return raw.toString().strip();
    }
    throw new IllegalArgumentException("must be " + what + ", not '" + raw + "'");
  }

  ValueType<String> STRING = new ValueType<>() {
    @Override
    public String parse(Object raw) {
      return scalar(raw, "a string");
    }

    @Override
    public Object json(String value) {
      return value;
    }
  };

  ValueType<Integer> INT = new ValueType<>() {
    @Override
    public Integer parse(Object raw) {
      long v = LONG.parse(raw);
      if (v != (int) v) {
        throw new IllegalArgumentException("must be an integer up to " + Integer.MAX_VALUE + ", not '" + raw + "'");
      }
      return (int) v;
    }

    @Override
    public Object json(Integer value) {
      return value;
    }
  };

  ValueType<Long> LONG = new ValueType<>() {
    @Override
    public Long parse(Object raw) {
      if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
        return ((Number) raw).longValue();
      }
      String s = scalar(raw, "an integer");
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be an integer, not '" + raw + "'");
      }
    }

    @Override
    public Object json(Long value) {
      return value;
    }
  };

  ValueType<Double> DOUBLE = new ValueType<>() {
    @Override
    public Double parse(Object raw) {
      if (raw instanceof Number n) {
        return n.doubleValue();
      }
      String s = scalar(raw, "a number");
      try {
        return Double.parseDouble(s); // YAML 1.1 reads 1e-3 (no dot) as a string: fine here
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number, not '" + raw + "'");
      }
    }

    @Override
    public Object json(Double value) {
      return value;
    }
  };

  ValueType<Boolean> BOOLEAN = new ValueType<>() {
    @Override
    public Boolean parse(Object raw) {
      if (raw instanceof Boolean b) {
        return b;
      }
      String s = scalar(raw, "true or false").toLowerCase(Locale.ROOT);
      return switch (s) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("must be true or false, not '" + raw + "'");
      };
    }

    @Override
    public Object json(Boolean value) {
      return value;
    }
  };

  ValueType<Path> PATH = new ValueType<>() {
    @Override
    public Path parse(Object raw) {
      if (raw instanceof Path p) {
        return p;
      }
      String s = scalar(raw, "a path");
      if (s.isEmpty()) {
        throw new IllegalArgumentException("must be a path, not empty");
      }
      return Path.of(s);
    }

    @Override
    public Object json(Path value) {
      return value.toString();
    }
  };

  ValueType<LayerSpec> LAYERS = new ValueType<>() {
    @Override
    public LayerSpec parse(Object raw) {
      return LayerSpec.parse(raw);
    }

    @Override
    public Object json(LayerSpec value) {
      return value.layers();
    }

    @Override
    public String text(LayerSpec value) {
      return value.toString();
    }

    @Override
    public boolean multiValued() {
      return true;
    }
  };

  ValueType<SentenceLimit> SENTENCES = new ValueType<>() {
    @Override
    public SentenceLimit parse(Object raw) {
      return SentenceLimit.parse(raw);
    }

    @Override
    public Object json(SentenceLimit value) {
      return value.json();
    }

    @Override
    public String text(SentenceLimit value) {
      return value.toString();
    }
  };

  private static <E extends Enum<E>> ValueType<E> enumType(Class<E> type) {
    Method parse;
    try {
      parse = type.getMethod("parse", String.class);
      if (!Modifier.isStatic(parse.getModifiers()) || parse.getReturnType() != type) {
        parse = null;
      }
    } catch (NoSuchMethodException e) {
      parse = null;
    }
    Method ownParse = parse;
    return new ValueType<>() {
      @Override
      public E parse(Object raw) {
        if (type.isInstance(raw)) {
          return type.cast(raw);
        }
        String s = scalar(raw, "one of " + ids());
        String key = s.toLowerCase(Locale.ROOT).replace('_', '-');
        for (E e : type.getEnumConstants()) {
          if (enumId(e).toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
            return e;
          }
        }
        if (ownParse != null) {
          try {
            return type.cast(ownParse.invoke(null, s));
          } catch (ReflectiveOperationException e) {
            // fall through to the common message
          }
        }
        throw new IllegalArgumentException("must be one of " + ids() + ", not '" + raw + "'");
      }

      private String ids() {
        return Arrays.stream(type.getEnumConstants()).map(ValueType::enumId).collect(Collectors.joining(", "));
      }

      @Override
      public Object json(E value) {
        return enumId(value);
      }
    };
  }

  /** A list, or a set (written sorted by its elements' text, so equal sets read and print alike). */
  final class CollectionType<E> implements ValueType<Collection<E>> {
    private final ValueType<E> element;
    private final boolean set;

    CollectionType(ValueType<E> element, boolean set) {
      this.element = element;
      this.set = set;
    }

    @Override
    public Collection<E> parse(Object raw) {
      List<Object> items = new ArrayList<>();
      if (raw instanceof Collection<?> c) {
        items.addAll(c);
      } else {
        for (String part : scalar(raw, "a comma-separated list").split(",")) {
          if (!part.isBlank()) {
            items.add(part.strip());
          }
        }
      }
      if (items.isEmpty()) {
        throw new IllegalArgumentException("must not be empty");
      }
      List<E> out = new ArrayList<>();
      for (Object o : items) {
        out.add(element.parse(o));
      }
      if (!set) {
        return List.copyOf(out);
      }
      return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(sorted(out)));
    }

    private List<E> sorted(Collection<E> values) {
      List<E> l = new ArrayList<>(values);
      l.sort(Comparator.comparing(element::text));
      return l;
    }

    @Override
    public Object json(Collection<E> value) {
      List<Object> out = new ArrayList<>();
      for (E e : set ? sorted(value) : value) {
        out.add(element.json(e));
      }
      return out;
    }

    @Override
    public boolean multiValued() {
      return true;
    }
  }
}
