package dev.x2s.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** sha256 helpers (lower-case hex). */
public final class Sha256 {
  private Sha256() {}

  /** A fresh sha256 digest (every JDK provides it). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("JDK without SHA-256", e);
    }
  }

  public static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  /** sha256 of a file's bytes. */
  public static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /** sha256 of a file's gzip-decompressed content. */
  public static String ofGzipContent(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      return of(in);
    }
  }

  private static String of(InputStream in) throws IOException {
    MessageDigest d = digest();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      d.update(buf, 0, n);
    }
    return hex(d);
  }
}
