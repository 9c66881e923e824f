package dev.x2s.cli;

import dev.x2s.jobs.options.OptionDef;
import dev.x2s.jobs.options.OptionException;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.OptionSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command-line face of options declared on a record ({@link dev.x2s.jobs.options.Option}): one
 * picocli option per declared option ({@code --NAME} and {@code --ALIAS}; booleans as {@code --NAME} /
 * {@code --no-NAME}; lists comma-separated or repeated; help text = description + default), plus
 * {@code --config FILE}, a YAML mapping with the same names as keys ({@code -} or {@code _} between words).
 * {@link #resolve} gives the record: declared defaults, then the YAML file, then the flags given.
 *
 * <p>A command uses it by implementing {@link Host} and naming {@link Transformer} as its
 * {@code modelTransformer}: picocli then builds the options when it builds the command.
 *
 * @param <R> the options record
 */
final class DeclaredOptions<R extends Record> {
  /** A command whose options are declared on a record. */
  interface Host {
    DeclaredOptions<?> declaredOptions();
  }

  /** Adds the declared options of the command ({@link Host}) to its picocli model. */
  static final class Transformer implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      if (!(spec.userObject() instanceof Host host)) {
        throw new IllegalStateException(spec.name() + ": a command with declared options implements Host");
      }
      host.declaredOptions().addTo(spec);
      return spec;
    }
  }

  private final OptionSet<R> set;
  /** Option name → the value as picocli parsed it: text, a list of texts, or a boolean. */
  private final Map<String, Object> given = new LinkedHashMap<>();
  private Path config;

  DeclaredOptions(OptionSet<R> set) {
    this.set = set;
  }

  OptionSet<R> set() {
    return set;
  }

  /** The flags of the last parse, by option name (absent = not given). */
  Map<String, Object> given() {
    return java.util.Collections.unmodifiableMap(given);
  }

  private void addTo(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(Path.class)
        .description("YAML file of options (keys = option names, - or _ between words); flags override it.")
        .setter(new CommandLine.Model.ISetter() {
          @Override
          public <T> T set(T value) {
            config = (Path) value;
            return null;
          }
        }).build());
    for (OptionDef d : set.options()) {
      spec.addOption(optionSpec(d));
    }
  }

  private OptionSpec optionSpec(OptionDef d) {
    List<String> flags = d.flags();
    OptionSpec.Builder b = OptionSpec.builder(flags.get(0), flags.subList(1, flags.size()).toArray(new String[0]))
        .description(help(d));
    String name = d.name();
    if (d.isBoolean()) {
      b.type(boolean.class).negatable(true).arity("0");
    } else if (d.type().multiValued()) {
      b.type(List.class).auxiliaryTypes(String.class).splitRegex(",").paramLabel(d.paramLabel());
    } else {
      b.type(String.class).paramLabel(d.paramLabel());
    }
    b.setter(new CommandLine.Model.ISetter() {
      @Override
      public <T> T set(T value) {
        if (value == null) {
          given.remove(name); // picocli resets every option before a parse
        } else {
          given.put(name, value);
        }
        return null;
      }
    }).getter(new CommandLine.Model.IGetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T get() {
        return (T) given.get(name); // a repeated list option adds to the list given so far
      }
    });
    return b.build();
  }

  private static String help(OptionDef d) {
    StringBuilder sb = new StringBuilder(d.description());
    if (d.required()) {
      sb.append(" Required.");
    } else if (d.defaultValue() != null && !(d.isBoolean() && Boolean.FALSE.equals(d.defaultValue()))) {
      sb.append(" Default: ").append(d.defaultText()).append('.');
    }
    return sb.toString();
  }

  /**
   * The record: declared defaults, then {@code --config}, then the flags given.
   *
   * @throws CommandLine.ParameterException (exit code 2) for an unknown YAML key, a malformed value, a
   *     missing required option or values the record rejects — naming the file, key or flag
   * @throws IOException when the config file cannot be read or is not a YAML mapping
   */
  R resolve(CommandSpec spec) throws IOException {
    List<OptionSource> sources = new ArrayList<>();
    if (config != null) {
      sources.add(OptionSource.file(config.toString(), readYaml(config)));
    }
    Map<String, Object> flags = new LinkedHashMap<>();
    given.forEach((k, v) -> flags.put(k, v instanceof List<?> l ? String.join(",", strings(l)) : v));
    sources.add(OptionSource.flags(flags));
    try {
      return set.resolve(sources);
    } catch (IllegalArgumentException e) {
      String hint = e instanceof OptionException && e.getMessage().endsWith(" required")
          ? " (on the command line or in --config)" : "";
      CommandLine.ParameterException p = new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + hint);
      p.initCause(e);
      throw p;
    }
  }

  private static List<String> strings(List<?> l) {
    List<String> s = new ArrayList<>();
    l.forEach(o -> s.add(String.valueOf(o)));
    return s;
  }

  /** A YAML file as a mapping of option names to values (as SnakeYAML reads them: strings, numbers, lists). */
  static Map<String, Object> readYaml(Path file) throws IOException {
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new IOException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> m)) {
      throw new IOException(file + ": expected a mapping of option names to values");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
