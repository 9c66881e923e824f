package dev.x2s.teachers.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count: a process-wide setting of the DJL engine every teacher here runs on,
 * applied by the providers when a teacher is opened ({@code TeacherOptions.threads}).
 */
public final class PyTorchThreads {
  private PyTorchThreads() {}

  /** Sets the count to {@code n}; 0 keeps the engine's default (one per core). */
  public static void set(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("threads must be >= 0, not " + n);
    }
    if (n > 0) {
      Engine.getEngine("PyTorch"); // loads the native library before the JNI call
      JniUtils.setNumThreads(n);
    }
  }
}
