package dev.x2s.data;

import java.util.Locale;

/** How a file is obtained from its source URL. */
public enum Assembly {
  /** The source URL is fetched as is; its bytes must have the file's sha256. */
  DOWNLOAD,
  /**
   * The source URL is a pattern with one zero-padded range {@code {00..99}}; the parts are fetched in
   * order, concatenated (the concatenation must have the file's content sha256) and gzip-compressed.
   * The gzip bytes then differ from the reference copy, so such a file is accepted when either its
   * own sha256 or the sha256 of its decompressed content matches.
   */
  CONCAT_GZIP;

  static Assembly parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
