package dev.x2s.teachers.gpt2;

/** Makes DJL run offline (no model-zoo or native downloads) unless the user chose otherwise. */
final class DjlOffline {
  private DjlOffline() {}

  static void ensure() {
    if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }
}
