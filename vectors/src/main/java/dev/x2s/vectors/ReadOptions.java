package dev.x2s.vectors;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * How to read a vector file. Options apply in this order per row: lower-case the word, apply the
 * filter, drop it if the (lower-cased) word was already seen (the first row wins), stop once {@code
 * limit} words are kept. When reading stops at the limit the rest of the file is not checked.
 *
 * @param lowerCase lower-case words ({@code Locale.ROOT}) before everything else
 * @param limit keep at most this many words (the first ones in file order)
 * @param filter keep only the words it accepts
 * @param progress told about bytes read
 * @param format the format, or null to detect it from the content
 */
public record ReadOptions(
    boolean lowerCase,
    int limit,
    Predicate<String> filter,
    ProgressListener progress,
    VectorFormat format) {

  public ReadOptions {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(progress, "progress");
  }

  /** Every word, as it is, format detected. */
  public static ReadOptions defaults() {
    return new ReadOptions(false, Integer.MAX_VALUE, w -> true, ProgressListener.NONE, null);
  }

  public ReadOptions withLowerCase(boolean lower) {
    return new ReadOptions(lower, limit, filter, progress, format);
  }

  public ReadOptions withLimit(int max) {
    return new ReadOptions(lowerCase, max, filter, progress, format);
  }

  public ReadOptions withFilter(Predicate<String> keep) {
    return new ReadOptions(lowerCase, limit, keep, progress, format);
  }

  public ReadOptions withProgress(ProgressListener listener) {
    return new ReadOptions(lowerCase, limit, filter, listener, format);
  }

  /** Reads as {@code f} without detection (null: detect). */
  public ReadOptions withFormat(VectorFormat f) {
    return new ReadOptions(lowerCase, limit, filter, progress, f);
  }
}
