package dev.x2s.teachers.registry;

import dev.x2s.teachers.DirectoryMatch;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Locates and opens teachers through a fixed set of {@link TeacherProvider}s. A known id goes to the one
 * provider that lists it; anything else must be a directory, which exactly one provider must recognise.
 * Providers are consulted in name order, so messages do not depend on the class path.
 */
public final class TeacherRegistry {
  private final List<TeacherProvider> providers;
  private final Map<String, TeacherProvider> byName = new TreeMap<>();
  private final Map<String, TeacherProvider> byId = new TreeMap<>();

  /**
   * @throws IllegalStateException if two providers share a name or an id
   */
  public TeacherRegistry(Iterable<TeacherProvider> providers) {
    List<TeacherProvider> list = new ArrayList<>();
    providers.forEach(list::add);
    list.sort(Comparator.comparing(TeacherProvider::name));
    this.providers = List.copyOf(list);
    for (TeacherProvider p : this.providers) {
      TeacherProvider other = byName.putIfAbsent(p.name(), p);
      if (other != null) {
        throw new IllegalStateException("two teacher providers are named '" + p.name() + "': "
            + other.getClass().getName() + " and " + p.getClass().getName());
      }
      for (String id : p.ids()) {
        other = byId.putIfAbsent(id, p);
        if (other != null) {
          throw new IllegalStateException("teacher id '" + id + "' is provided by both " + other.name() + " and "
              + p.name());
        }
      }
    }
  }

  /** Provider names, sorted. */
  public List<String> providerNames() {
    return List.copyOf(byName.keySet());
  }

  /** Every known id, sorted. */
  public List<String> knownIds() {
    return List.copyOf(byId.keySet());
  }

  /**
   * Says what {@code idOrPath} is without loading weights.
   *
   * @throws IllegalArgumentException for an unknown id (listing the known ones and the directory layouts),
   *     a directory no provider recognises (each provider saying what is missing), one several recognise,
   *     or one a provider recognises but finds unusable
   */
  public TeacherSource locate(String idOrPath) {
    TeacherProvider owner = byId.get(idOrPath);
    if (owner != null) {
      return new TeacherSource(idOrPath, owner.name(), null, null);
    }
    Path dir = directory(idOrPath);
    if (dir == null) {
      throw new IllegalArgumentException("unknown teacher '" + idOrPath + "' (neither a known id nor a directory)"
          + "; known ids: " + String.join(", ", knownIds()) + "; or give a local directory: " + layouts());
    }
    List<TeacherSource> found = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (TeacherProvider p : providers) {
      if (p.directoryLayout() == null) {
        continue;
      }
      DirectoryMatch m = p.inspect(dir);
      if (m.isFound()) {
        found.add(new TeacherSource(idOrPath, p.name(), dir, m.weights()));
      } else {
        mismatches.add(p.name() + ": " + m.mismatch());
      }
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("directory " + dir + " looks like a model to several teacher providers ("
          + String.join(", ", found.stream().map(TeacherSource::provider).toList())
          + "); keep one model per directory");
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("directory " + dir + " is not a model directory: "
          + String.join("; ", mismatches));
    }
    return found.get(0);
  }

  /** Opens a teacher: {@link #locate}, then its provider's {@link TeacherProvider#open}. */
  public Teacher open(String idOrPath, TeacherOptions options) {
    TeacherSource source = locate(idOrPath);
    return byName.get(source.provider()).open(source, Objects.requireNonNull(options, "options"));
  }

  private static Path directory(String idOrPath) {
    try {
      Path p = Path.of(idOrPath);
      return Files.isDirectory(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** "A, B or C" of the directory layouts. */
  private String layouts() {
    List<String> l = providers.stream().map(TeacherProvider::directoryLayout).filter(Objects::nonNull).toList();
    if (l.size() <= 1) {
      return String.join("", l);
    }
    return String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
  }
}
