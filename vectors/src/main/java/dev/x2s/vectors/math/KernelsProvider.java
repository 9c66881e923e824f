package dev.x2s.vectors.math;

/**
 * Chooses the {@link Kernels} once per JVM: the Vector API ones when the JVM runs with {@code
 * --add-modules jdk.incubator.vector} (the {@code x2s} launcher does for the student, surefire for
 * every test), unless {@code -Dx2s.scalarKernels=true}; else the plain loops. The float dot product is
 * the reason: HotSpot does not vectorise a float reduction (it would reorder additions), and on this
 * machine the Vector API version is 4.5× faster on cache-resident rows and 1.75× on rows from memory
 * (BENCHMARKS.md).
 */
final class KernelsProvider {
  /** Resolved on first use, so that the Vector API classes load only when the module is present. */
  static final Kernels INSTANCE = choose();

  private KernelsProvider() {}

  private static Kernels choose() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        && !Boolean.getBoolean("x2s.scalarKernels")) {
      try {
        return new VectorKernels();
      } catch (LinkageError e) {
        // fall through to the portable loops
      }
    }
    return new ScalarKernels();
  }
}
