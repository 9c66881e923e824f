package dev.x2s.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as x2s writes it everywhere (corpus hashes in provenance and cache identities, dataset
 * checksums): 64 lower-case hex characters.
 */
public final class Sha256 {
  private static final int BUFFER = 1 << 16;

  private Sha256() {}

  /** A fresh digest, for callers that hash while they copy. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides SHA-256", e);
    }
  }

  /** The hex of {@code d}'s digest (which resets it). */
  public static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  /** The hash of a file's bytes. */
  public static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /** The hash of the rest of a stream (left open). */
  public static String of(InputStream in) throws IOException {
    MessageDigest d = digest();
    byte[] buf = new byte[BUFFER];
    for (int n; (n = in.read(buf)) >= 0; ) {
      d.update(buf, 0, n);
    }
    return hex(d);
  }

  /** The hash of a text's UTF-8 bytes. */
  public static String of(String text) {
    MessageDigest d = digest();
    d.update(text.getBytes(StandardCharsets.UTF_8));
    return hex(d);
  }
}
