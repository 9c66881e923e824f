package dev.x2s.data;

import dev.x2s.jobs.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Checks a local file against its manifest checksum(s). */
final class FileVerifier {
  private FileVerifier() {}

  /**
   * Throws unless {@code file} has {@code spec}'s sha256, or, for a file with a content sha256, its
   * gzip-decompressed content has that sha256.
   */
  static void verify(Path file, DatasetFile spec) throws IOException {
    String found = Sha256.of(file);
    if (found.equals(spec.sha256())) {
      return;
    }
    if (spec.contentSha256() == null) {
      throw new ChecksumMismatchException(file, spec.path(), spec.sha256(), found);
    }
    String content;
    try {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        content = Sha256.of(in);
      }
    } catch (ZipException | java.io.EOFException e) {
      content = "not a complete gzip stream (" + e.getMessage() + ")";
    }
    if (!content.equals(spec.contentSha256())) {
      throw new ChecksumMismatchException(
          file,
          spec.path(),
          spec.sha256() + " (file) or " + spec.contentSha256() + " (decompressed content)",
          found + " (file), " + content + " (decompressed content)");
    }
  }
}
