package dev.x2s.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * x2s's version, from the one place it is written: the build's project version, filtered by Maven into
 * {@code dev/x2s/jobs/version.properties}. Provenance files and {@code x2s --version} read it here.
 */
public final class Version {
  private static final String X2S = load();

  private Version() {}

  /** The project version ({@code 0.1.0-SNAPSHOT}), or {@code unknown} when the resource was not filtered. */
  public static String x2s() {
    return X2S;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").strip();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
