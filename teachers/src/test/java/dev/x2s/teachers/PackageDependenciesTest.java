package dev.x2s.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's package structure, read from its main sources: the API package ({@code dev.x2s.teachers})
 * depends on no other package of the module, the registry only on the API (providers plug in through
 * {@code ServiceLoader}), and no two packages depend on each other, directly or through others.
 */
class PackageDependenciesTest {
  private static final String ROOT = "dev.x2s.teachers";
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  /** An import or a fully qualified reference: the package is what precedes the first capitalised name. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.x2s\\.teachers(?:\\.[a-z]\\w*)*)\\.[A-Z*]");

  /** Package → the module's other packages its code refers to (comments ignored). */
  static Map<String, Set<String>> dependencies(Path sources) throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "");
        Matcher pm = PACKAGE.matcher(code);
        assertTrue(pm.find(), "no package in " + f);
        String pkg = pm.group(1);
        Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            out.add(m.group(1));
          }
        }
      }
    }
    return deps;
  }

  @Test
  void theApiAndTheRegistryKnowNoModelCodeAndThereAreNoCycles() throws IOException {
    Map<String, Set<String>> deps = dependencies(Path.of("src/main/java"));
    assertTrue(deps.size() > 10 && deps.containsKey(ROOT + ".bert"), "sources not found: " + deps.keySet());
    assertEquals(Set.of(), deps.get(ROOT), "the API package depends on no other package of the module");
    assertEquals(Set.of(ROOT), deps.get(ROOT + ".registry"), "the registry depends only on the API");
    assertEquals(List.of(), cycle(deps), "a package cycle");
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertEquals(3, cycle(deps).size());
    assertEquals(List.of(), cycle(Map.of("a", Set.of("b"), "b", Set.of(), "c", Set.of("a", "b"))));
  }

  /** One dependency cycle (its packages in order), or an empty list. */
  static List<String> cycle(Map<String, Set<String>> deps) {
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(deps.keySet())) {
      List<String> path = new ArrayList<>();
      List<String> found = visit(start, deps, done, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(String p, Map<String, Set<String>> deps, Set<String> done, List<String> path) {
    int at = path.indexOf(p);
    if (at >= 0) {
      return List.copyOf(path.subList(at, path.size()));
    }
    if (done.contains(p)) {
      return List.of();
    }
    path.add(p);
    for (String q : deps.getOrDefault(p, Set.of())) {
      List<String> found = visit(q, deps, done, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(p);
    return List.of();
  }
}
