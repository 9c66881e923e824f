package dev.x2s.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of a dataset entry, as listed in the manifest.
 *
 * @param entry id of the entry the file belongs to
 * @param path path relative to the shared data directory, '/'-separated (e.g. {@code
 *     benchmarks-data/similarity/SimLex-999.txt})
 * @param format the file's format name (e.g. {@code simlex999-tsv}); loaders dispatch on it
 * @param bytes size of the reference copy
 * @param sha256 lower-case hex sha256 of the reference copy
 * @param lines newline count (of the decompressed content for {@link Assembly#CONCAT_GZIP}), or -1 for
 *     an archive
 * @param sourceUrl pinned source URL (a part pattern for {@link Assembly#CONCAT_GZIP})
 * @param assembly how the source becomes the file
 * @param contentBytes size of the decompressed content, or -1 when not applicable
 * @param contentSha256 sha256 of the decompressed content, or null when not applicable
 */
public record DatasetFile(
    String entry,
    String path,
    String format,
    long bytes,
    String sha256,
    long lines,
    String sourceUrl,
    Assembly assembly,
    long contentBytes,
    String contentSha256) {

  private static final Pattern RANGE = Pattern.compile("\\{(\\d+)\\.\\.(\\d+)\\}");

  /**
   * The URLs to fetch, in order: the source URL itself for {@link Assembly#DOWNLOAD}, the expanded
   * part list for {@link Assembly#CONCAT_GZIP}.
   */
  public List<String> sourceUrls() {
    if (assembly == Assembly.DOWNLOAD) {
      return List.of(sourceUrl);
    }
    Matcher m = RANGE.matcher(sourceUrl);
    if (!m.find()) {
      throw new IllegalStateException(
          "manifest: " + path + ": concat-gzip source has no {NN..MM} range: " + sourceUrl);
    }
    String from = m.group(1);
    int lo = Integer.parseInt(from);
    int hi = Integer.parseInt(m.group(2));
    List<String> urls = new ArrayList<>();
    for (int i = lo; i <= hi; i++) {
      String n = String.format("%0" + from.length() + "d", i);
      urls.add(sourceUrl.substring(0, m.start()) + n + sourceUrl.substring(m.end()));
    }
    return urls;
  }
}
