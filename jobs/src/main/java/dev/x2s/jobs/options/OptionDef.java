package dev.x2s.jobs.options;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One declared option as {@link OptionSet} read it from a record component and its {@link Option}.
 *
 * @param name kebab-case name: the flag is {@code --name}, the YAML key {@code name}
 * @param aliases other accepted names
 * @param description the documentation
 * @param paramLabel placeholder of the value in help
 * @param required must be given
 * @param defaultValue the default (typed), or null
 * @param defaultText the default as declared (for help), or null
 * @param fingerprint the fingerprints it enters
 * @param provenance written into provenance
 * @param type how its values are read and written
 * @param component the record component that holds it
 */
public record OptionDef(String name, List<String> aliases, String description, String paramLabel,
    boolean required, Object defaultValue, String defaultText, Set<String> fingerprint, boolean provenance, ValueType<?> type,
    RecordComponent component) {

  static OptionDef of(RecordComponent c) {
    Option o = c.getAnnotation(Option.class);
    String owner = c.getDeclaringRecord().getSimpleName() + "." + c.getName();
    if (o == null) {
      throw new IllegalStateException(owner + ": every component of an options record needs @Option");
    }
    String name = o.name().isEmpty() ? kebab(c.getName()) : o.name();
    ValueType<?> type;
    try {
      type = ValueType.of(c.getGenericType());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(owner + ": " + e.getMessage(), e);
    }
    Object def = null;
    if (!o.defaultValue().equals(Option.NO_DEFAULT)) {
      try {
        def = type.parse(o.defaultValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(owner + ": bad default '" + o.defaultValue() + "': " + e.getMessage(), e);
      }
    } else if (c.getType().isPrimitive() && !o.required()) {
      throw new IllegalStateException(owner + ": a primitive option needs a default or required = true");
    }
    String label = o.paramLabel().isEmpty() ? "<" + c.getName() + ">" : o.paramLabel();
    return new OptionDef(name, List.of(o.aliases()), o.description(), label, o.required(), def,
        def == null ? null : o.defaultValue(), Set.of(o.fingerprint()), o.provenance(), type, c);
  }

  /** {@code maxSentences} → {@code max-sentences}. */
  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('-').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** How names are compared: lower case, {@code _} as {@code -}. */
  static String normalize(String key) {
    return key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The name in provenance and fingerprints: snake_case ({@code max_sentences}). */
  public String key() {
    return name.replace('-', '_');
  }

  /** The long flags: {@code --name} and one per alias. */
  public List<String> flags() {
    List<String> f = new ArrayList<>();
    f.add("--" + name);
    for (String a : aliases) {
      f.add("--" + a);
    }
    return f;
  }

  /** Whether the value is a boolean (a flag without a value; {@code --no-name} sets false). */
  public boolean isBoolean() {
    return type == ValueType.BOOLEAN;
  }

  /** The Java type of the component. */
  public Class<?> javaType() {
    return component.getType();
  }

  /** Reads a value given as text or as a YAML parser made it. */
  public Object parse(Object raw) {
    return type.parse(raw);
  }

  /** The value of this option in {@code record}. */
  public Object get(Record record) {
    return read(component, record);
  }

  /** A record component's value, whether or not the record type is public. */
  static Object read(RecordComponent c, Record record) {
    java.lang.reflect.Method m = c.getAccessor();
    try {
      if (!m.canAccess(record)) {
        m.setAccessible(true);
      }
      return m.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value as written into provenance. */
  public Object json(Object value) {
    return type.jsonOf(value);
  }

  /** The value as written into a fingerprint. */
  public String fingerprintText(Object value) {
    return String.valueOf(type.jsonOf(value));
  }
}
