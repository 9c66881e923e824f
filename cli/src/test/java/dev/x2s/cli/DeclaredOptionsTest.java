package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.options.OptionDef;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.ValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every option declared for {@code distill}, {@code pc} and {@code quickstart} reaches each surface from
 * its one declaration: the flag (and its aliases), the YAML key (both spellings), the provenance field
 * and the fingerprints it declares (and only those). Every file in {@code configs/} parses.
 */
class DeclaredOptionsTest {
  @TempDir Path tmp;

  /** A command, the values its required options need, and how to resolve it. */
  private record Cmd(String name, Supplier<DeclaredOptions.Host> create, List<String> required) {
    Record resolve(String... args) throws IOException {
      DeclaredOptions.Host h = create.get();
      new CommandLine(h).parseArgs(args);
      if (h instanceof DistillCommand d) {
        return d.resolve();
      }
      if (h instanceof PcCommand p) {
        return p.resolve();
      }
      return ((QuickstartCommand) h).resolve();
    }

    OptionSet<?> set() {
      return create.get().declaredOptions().set();
    }
  }

  private static final List<Cmd> COMMANDS = List.of(
      new Cmd("distill", DistillCommand::new, List.of("--teacher", "t", "--corpus", "c", "--out", "o")),
      new Cmd("pc", PcCommand::new, List.of("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "1")),
      new Cmd("quickstart", QuickstartCommand::new, List.of()));

  /** A value other than the default, written as on the command line. */
  private static String sample(OptionDef d) {
    Object def = d.defaultValue();
    ValueType<?> t = d.type();
    if (t == ValueType.BOOLEAN) {
      return String.valueOf(!Boolean.TRUE.equals(def));
    }
    if (t == ValueType.INT || t == ValueType.LONG) {
      return String.valueOf(def == null ? 3 : ((Number) def).longValue() + 1);
    }
    if (t == ValueType.DOUBLE) {
      return String.valueOf((Double) def == 0 ? 1.5 : (Double) def * 2);
    }
    if (t == ValueType.STRING) {
      return d.name().equals("budget") ? "90s" : "sample-" + d.name(); // a budget is a time
    }
    if (t == ValueType.PATH) {
      return "sample/" + d.name();
    }
    if (t == ValueType.LAYERS) {
      return "0,2";
    }
    if (t == ValueType.SENTENCES) {
      return "7";
    }
    Class<?> type = d.javaType();
    if (type.isEnum()) {
      for (Object e : type.getEnumConstants()) {
        if (!e.equals(def)) {
          return ValueType.enumId((Enum<?>) e);
        }
      }
    }
    if (d.component().getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
      return Arrays.stream(element.getEnumConstants()).map(e -> ValueType.enumId((Enum<?>) e))
          .collect(Collectors.joining(","));
    }
    throw new AssertionError("no sample for " + d.name() + " of " + d.component().getGenericType());
  }

  private static String[] args(Cmd c, String... more) {
    return args(c, null, more);
  }

  /** The required options but {@code skip}'s, then {@code more}. */
  private static String[] args(Cmd c, OptionDef skip, String... more) {
    List<String> a = new ArrayList<>();
    List<String> req = c.required();
    for (int i = 0; i < req.size(); i += 2) {
      if (skip == null || !skip.flags().contains(req.get(i))) {
        a.add(req.get(i));
        a.add(req.get(i + 1));
      }
    }
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void everyDeclaredOptionReachesFlagYamlProvenanceAndFingerprint() throws Exception {
    int checked = 0;
    for (Cmd c : COMMANDS) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      OptionSet<Record> set = (OptionSet) c.set();
      CommandLine.Model.CommandSpec spec = new CommandLine(c.create().get()).getCommandSpec();
      Record base = c.resolve(args(c));
      for (OptionDef d : set.options()) {
        String where = c.name() + " " + d.name();
        // the flag and every alias, documented by the declaration
        for (String flag : d.flags()) {
          assertNotNull(spec.findOption(flag), where + ": no " + flag);
          assertTrue(String.join(" ", spec.findOption(flag).description()).startsWith(d.description()), where);
        }
        String text = sample(d);
        Object expected = d.parse(text);
        assertNotEquals(d.get(base), expected, where + ": the sample is the default");
        // the flag (also through an alias)
        Record viaFlag = d.isBoolean()
            ? c.resolve(args(c, d, (Boolean.parseBoolean(text) ? "--" : "--no-") + d.name()))
            : c.resolve(args(c, d, "--" + d.name(), text));
        assertEquals(expected, d.get(viaFlag), where + " via the flag");
        for (String alias : d.aliases()) {
          if (!d.isBoolean()) {
            assertEquals(expected, d.get(c.resolve(args(c, d, "--" + alias, text))), where + " via --" + alias);
          }
        }
        // the YAML key, kebab-case and snake_case
        for (String key : List.of(d.name(), d.key())) {
          Path yaml = tmp.resolve(c.name() + "-" + key + ".yaml");
          Files.writeString(yaml, key + ": " + (d.type() == ValueType.STRING ? "'" + text + "'" : text) + "\n");
          assertEquals(expected, d.get(c.resolve(args(c, d, "--config", yaml.toString()))), where + " via YAML " + key);
        }
        // provenance: the config section of the one writer
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) Provenance.start("x2s test").config(viaFlag).toMap()
            .get("config");
        if (d.provenance()) {
          assertEquals(d.json(expected), config.get(d.key()), where + " in provenance");
        } else {
          assertFalse(config.containsKey(d.key()), where + " must not be in provenance");
        }
        // fingerprints: changes exactly those the option declares
        for (String fp : set.fingerprints()) {
          boolean changed = !set.fingerprint(base, fp).equals(set.fingerprint(viaFlag, fp));
          assertEquals(d.fingerprint().contains(fp), changed, where + " in fingerprint " + fp);
        }
        checked++;
      }
    }
    assertEquals(29 + 26 + 16, checked, "options of distill, pc and quickstart");
  }

  /** Tribuo's rule: a run can be re-created from its provenance. The config section is a valid --config file. */
  @Test
  void theProvenanceConfigIsAConfigFileThatRecreatesTheRun() throws Exception {
    for (Cmd c : COMMANDS) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      OptionSet<Record> set = (OptionSet) c.set();
      List<String> a = new ArrayList<>(List.of(args(c)));
      for (OptionDef d : set.options()) { // every option off its default at once
        String text = sample(d);
        if (d.flags().stream().noneMatch(a::contains)) {
          if (d.isBoolean()) {
            a.add((Boolean.parseBoolean(text) ? "--" : "--no-") + d.name());
          } else {
            a.add("--" + d.name());
            a.add(text);
          }
        }
      }
      Record r = c.resolve(a.toArray(new String[0]));
      Object config = Provenance.start("x2s " + c.name()).config(r).toMap().get("config");
      Path yaml = tmp.resolve(c.name() + "-from-provenance.yaml");
      Files.writeString(yaml, new org.yaml.snakeyaml.Yaml().dump(config));
      assertEquals(r, c.resolve("--config", yaml.toString()), c.name() + ":\n" + Files.readString(yaml));
    }
  }

  @Test
  void everyFileInConfigsParsesWithTheCommandItNames() throws Exception {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("configs"))) {
      dir = dir.getParent();
    }
    assertNotNull(dir, "no configs/ above " + System.getProperty("user.dir"));
    Pattern run = Pattern.compile("Run: \\./x2s (\\w+) --config");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("configs"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path f : files) {
      Matcher m = run.matcher(Files.readString(f));
      assertTrue(m.find(), f + ": no '# Run: ./x2s COMMAND --config' line");
      Cmd c = COMMANDS.stream().filter(x -> x.name().equals(m.group(1))).findFirst()
          .orElseThrow(() -> new AssertionError(f + ": no command " + m.group(1)));
      Record r = c.resolve("--config", f.toString());
      Map<String, Object> yaml = DeclaredOptions.readYaml(f);
      for (String key : yaml.keySet()) {
        assertTrue(c.set().find(key).isPresent(), f + ": " + key);
      }
      assertNotNull(r);
    }
  }

  @Test
  void unknownYamlKeyIsAUsageErrorNamingFileAndKey() throws Exception {
    for (Cmd c : COMMANDS) {
      Path yaml = tmp.resolve(c.name() + "-bad.yaml");
      Files.writeString(yaml, "out: o\nlearning-rate: 0.1\n");
      CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
          () -> c.resolve(args(c, "--config", yaml.toString())), c.name());
      assertTrue(e.getMessage().contains(yaml.toString()) && e.getMessage().contains("unknown option 'learning-rate'"),
          e.getMessage());
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      List<String> a = new ArrayList<>(List.of(c.name()));
      a.addAll(List.of(args(c, "--config", yaml.toString())));
      assertEquals(2, cl.execute(a.toArray(new String[0])), err.toString());
      assertTrue(err.toString().contains("learning-rate"), err.toString());
    }
    Path notMap = tmp.resolve("list.yaml");
    Files.writeString(notMap, "- a\n- b\n");
    IOException e = assertThrows(IOException.class, () -> COMMANDS.get(0).resolve("--config", notMap.toString()));
    assertTrue(e.getMessage().contains(notMap.toString()), e.getMessage());
  }

  @Test
  void helpShowsEachDeclaredDefault() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("distill", "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("--min-count") && help.contains("Default: 10."), help);
    assertTrue(help.contains("--[no-]lowercase"), help);
    assertTrue(help.contains("--layer, --layers") || help.contains("--layers, --layer"), help);
    assertTrue(help.contains("Default: all."), help);
    out.getBuffer().setLength(0);
    assertEquals(0, cl.execute("quickstart", "--help"));
    assertTrue(out.toString().replaceAll("\\s+", " ").contains("Default: -1."), out.toString());
  }

  @Test
  void versionComesFromTheBuild() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--version"));
    assertEquals("x2s " + dev.x2s.jobs.Version.x2s(), out.toString().strip());
    assertFalse(dev.x2s.jobs.Version.x2s().equals("unknown"));
  }
}
