package dev.x2s.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small sidecar table remembering which files were already verified, so repeated runs do not
 * re-hash the corpus and benchmark files. A file counts as verified for an expected sha256 while its
 * size and modification time are those recorded. Lines: {@code sha256 TAB size TAB mtime-ms TAB
 * absolute-path}. The table lives in the cache directory (the shared data may be read-only); if it
 * cannot be written, verification still works, it is just repeated next time.
 */
final class VerifiedFiles {
  private final Path table;
  private Map<String, String> records; // absolute path -> "sha256\tsize\tmtime"
  private boolean dirty;

  VerifiedFiles(Path table) {
    this.table = table;
  }

  /**
   * Verifies {@code file} against {@code spec}, hashing only if the sidecar has no fresh record. New
   * records are kept in memory until {@link #save()}.
   */
  synchronized void verify(Path file, DatasetFile spec) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    String stamp = stamp(abs, spec);
    if (stamp.equals(records().get(abs.toString()))) {
      return;
    }
    FileVerifier.verify(abs, spec);
    records().put(abs.toString(), stamp);
    dirty = true;
  }

  private static String stamp(Path file, DatasetFile spec) throws IOException {
    return spec.sha256() + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis();
  }

  private Map<String, String> records() {
    if (records == null) {
      records = new LinkedHashMap<>();
      try {
        if (Files.isRegularFile(table)) {
          List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
          for (String line : lines) {
            String[] c = line.split("\t", 4);
            if (c.length == 4) { // a damaged line is just forgotten: the file gets re-hashed
              records.put(c[3], c[0] + "\t" + c[1] + "\t" + c[2]);
            }
          }
        }
      } catch (IOException e) {
        // unreadable sidecar: start empty, files are re-hashed
      }
    }
    return records;
  }

  /** Writes new records to the sidecar (atomically); failures only mean re-hashing next time. */
  synchronized void save() {
    if (!dirty) {
      return;
    }
    dirty = false;
    Path tmp = null;
    try {
      Files.createDirectories(table.getParent());
      tmp = Files.createTempFile(table.getParent(), ".verified-", ".tmp");
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, String> e : records.entrySet()) {
          out.write(e.getValue() + "\t" + e.getKey() + "\n");
        }
      }
      Files.move(tmp, table, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      // cache not writable: verification results are simply not remembered
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
