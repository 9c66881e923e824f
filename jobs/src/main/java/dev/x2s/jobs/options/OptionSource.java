package dev.x2s.jobs.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Option values from one place, by option name or alias (any case, {@code -} or {@code _} between words):
 * the command line (values as typed), a config file (values as its parser made them: strings, numbers,
 * booleans, lists) or code (typed values). {@link OptionSet#resolve} applies sources in order, later
 * ones overriding earlier ones; a null value leaves the option to the earlier sources.
 *
 * @param name what the source is, for messages (a file name, "the command line")
 * @param kind how its values are named in messages
 * @param values option name → value
 */
public record OptionSource(String name, Kind kind, Map<String, ?> values) {
  /** How messages name an option of this source. */
  public enum Kind {
    /** {@code --lr} */
    FLAGS,
    /** {@code file.yaml: option 'lr'} */
    FILE,
    /** {@code option 'lr'} */
    CODE
  }

  public OptionSource {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Flags given on the command line. */
  public static OptionSource flags(Map<String, ?> values) {
    return new OptionSource("the command line", Kind.FLAGS, values);
  }

  /** The keys of a config file. */
  public static OptionSource file(String file, Map<String, ?> values) {
    return new OptionSource(file, Kind.FILE, values);
  }

  /** Values set in code. */
  public static OptionSource code(Map<String, ?> values) {
    return new OptionSource("code", Kind.CODE, values);
  }

  /** How a message names option {@code name} as given here ({@code key} is the spelling used). */
  String describe(String name, String key) {
    return switch (kind) {
      case FLAGS -> "--" + name;
      case FILE -> this.name + ": option '" + key + "'";
      case CODE -> "option '" + name + "'";
    };
  }
}
