package dev.x2s.jobs;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The root of x2s's caches: {@code $X2S_CACHE}, else {@code ~/.cache/x2s}. Each kind of cache has a
 * subdirectory of its own ({@code contexts/} for teacher contexts, {@code data/} for benchmark data,
 * {@code models/} for unpacked models), so one variable moves them all.
 */
public final class CacheRoot {
  /** The environment variable that moves every cache. */
  public static final String VARIABLE = "X2S_CACHE";

  private CacheRoot() {}

  /** The root for this process's environment. */
  public static Path get() {
    return of(System::getenv);
  }

  /** The root for an environment lookup (tests pass a map); a blank value counts as unset. */
  public static Path of(Function<String, String> env) {
    String root = env.apply(VARIABLE);
    if (root != null && !root.isBlank()) {
      return Path.of(root);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "x2s");
  }
}
