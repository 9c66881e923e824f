package dev.x2s.teachers;

import java.nio.file.Path;
import java.util.Set;

/**
 * A family of teachers that can be opened by id or from a local directory. Providers are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.x2s.teachers.TeacherProvider}),
 * so the registry ({@code dev.x2s.teachers.registry.Teachers}) never imports the code that loads a model,
 * as DJL's {@code ZooProvider}s plug model zoos in.
 *
 * <p>{@link #ids()} and {@link #inspect} must not load weights or fetch anything; only {@link #open} does.
 * Implementations need a public no-argument constructor.
 */
public interface TeacherProvider {
  /** Short stable name, recorded as {@link TeacherSource#provider()} (e.g. {@code hf-bert}). */
  String name();

  /** The ids this provider opens by name; empty for a provider of directories only. */
  default Set<String> ids() {
    return Set.of();
  }

  /**
   * What a directory this provider opens holds, for messages (e.g. {@code an ELMo directory (options.json +
   * weights .hdf5)}); null when it opens no directories.
   */
  default String directoryLayout() {
    return null;
  }

  /**
   * Whether {@code dir} holds one of this provider's models; called only when {@link #directoryLayout()}
   * is not null.
   *
   * @return the weights file, or why the directory is not this provider's (e.g. {@code no options.json})
   * @throws IllegalArgumentException when the directory is this provider's kind but unusable, naming
   *     what is missing (e.g. {@code has no model.safetensors})
   */
  default DirectoryMatch inspect(Path dir) {
    return DirectoryMatch.mismatch("opens no directories");
  }

  /**
   * Opens what this provider located: one of its {@link #ids()} (fetching the artifact once if needed) or
   * a directory {@link #inspect} found.
   */
  Teacher open(TeacherSource source, TeacherOptions options);
}
