package dev.x2s.jobs.chunks;

/**
 * A cluster runner, found by {@link java.util.ServiceLoader} only when asked for (x2s {@code --spark}), so
 * nothing of a cluster engine is loaded, or needed on the class path, otherwise.
 */
public interface ChunkRunnerProvider {
  /** The engine's name, e.g. {@code spark}. */
  String name();

  /** Starts a runner on a master URL (for Spark: {@code local[2]}, {@code spark://host:7077}, {@code yarn}). */
  ChunkRunner open(String master, boolean quiet);

  /** The provider called {@code name}, or an error saying how to put one on the class path. */
  static ChunkRunner open(String name, String master, boolean quiet) {
    for (ChunkRunnerProvider p : java.util.ServiceLoader.load(ChunkRunnerProvider.class)) {
      if (p.name().equals(name)) {
        return p.open(master, quiet);
      }
    }
    throw new IllegalStateException("no " + name + " runner on the class path (the x2s launcher adds the "
        + name + " module when --" + name + " is given; in a jar, use the shaded x2s-" + name + " job jar)");
  }
}
