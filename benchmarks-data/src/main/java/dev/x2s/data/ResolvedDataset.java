package dev.x2s.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * A dataset entry resolved to verified local files.
 *
 * @param entry the manifest entry
 * @param root the entry's file, or its directory for a directory entry
 * @param files every file of the entry: manifest path to local path
 * @param source where the files were found (e.g. {@code --data /x}, {@code cache /y}, {@code
 *     downloaded into cache /y})
 */
public record ResolvedDataset(
    DatasetEntry entry, Path root, Map<String, Path> files, String source) {

  public ResolvedDataset {
    files = Map.copyOf(files);
  }

  /** The local path of one file of the entry, by its manifest path. */
  public Path file(String manifestPath) {
    Path p = files.get(manifestPath);
    if (p == null) {
      throw new IllegalArgumentException(
          "entry '" + entry.id() + "' has no file " + manifestPath);
    }
    return p;
  }
}
