package dev.x2s.vectors;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Collects the rows a reader produces, applying {@link ReadOptions}: lower-casing, the filter,
 * first-one-wins de-duplication and the limit. Readers ask {@link #admit} where a word's values go
 * and then write them straight into {@link #matrix()} (or into a scratch row when it is dropped).
 */
final class RowCollector {
  private final int dim;
  private final boolean lowerCase;
  private final Predicate<String> filter;
  private final int limit;
  private final WordIndex seen;
  private final boolean withMatrix;
  private String[] words;
  private float[] matrix;
  private final float[] scratch;
  private int kept;
  private long rowsRead;
  private long skipped;
  private long duplicates;

  /**
   * @param expectedRows rows the file declares, or -1 when unknown (sizes the buffers; callers cap
   *     a declared count by what the file size allows, so a corrupt header cannot exhaust memory)
   */
  RowCollector(int dim, ReadOptions options, long expectedRows) {
    this(dim, options, expectedRows, true);
  }

  /**
   * @param withMatrix false when the reader decodes the matrix itself and only needs the words
   *     admitted (then {@link #matrix()} is empty and the result comes from {@link
   *     #vectors(float[])})
   */
  RowCollector(int dim, ReadOptions options, long expectedRows, boolean withMatrix) {
    this.dim = dim;
    this.lowerCase = options.lowerCase();
    this.filter = options.filter();
    this.limit = options.limit();
    long initial = expectedRows < 0 ? Math.max(1, (1 << 20) / dim) : Math.min(expectedRows, limit);
    long maxRows = Integer.MAX_VALUE / dim;
    initial = Math.min(initial, maxRows);
    this.words = new String[(int) initial];
    this.withMatrix = withMatrix;
    this.matrix = withMatrix ? new float[(int) initial * dim] : new float[0];
    this.seen = new WordIndex((int) Math.min(initial, 1 << 22));
    this.scratch = new float[dim];
  }

  int dim() {
    return dim;
  }

  /** True once {@code limit} words are kept: the reader should stop. */
  boolean full() {
    return kept >= limit;
  }

  /**
   * Registers the next row's word. Returns the offset in {@link #matrix()} where its {@code dim}
   * values go, or -1 when the row is dropped (then write them to {@link #scratch()}).
   */
  int admit(String word) {
    rowsRead++;
    String w = lowerCase ? word.toLowerCase(Locale.ROOT) : word;
    if (!filter.test(w)) {
      skipped++;
      return -1;
    }
    if (seen.add(w) >= 0) { // rows are added in order: the new row is number kept
      duplicates++;
      return -1;
    }
    if (kept == words.length) {
      grow();
    }
    words[kept] = w;
    return kept++ * dim;
  }

  private void grow() {
    long rows = Math.min(Math.max(16, (long) words.length * 2), Integer.MAX_VALUE / dim);
    if (rows <= words.length) {
      throw new IllegalStateException(
          "more than " + words.length + " rows of dimension " + dim + " do not fit in one array");
    }
    words = Arrays.copyOf(words, (int) rows);
    if (withMatrix) {
      matrix = Arrays.copyOf(matrix, (int) rows * dim);
    }
  }

  /** The matrix being filled; may be replaced when it grows, so re-read it after {@link #admit}. */
  float[] matrix() {
    return matrix;
  }

  float[] scratch() {
    return scratch;
  }

  int kept() {
    return kept;
  }

  long rowsRead() {
    return rowsRead;
  }

  WordVectors vectors() {
    String[] w = kept == words.length ? words : Arrays.copyOf(words, kept);
    float[] m = kept * dim == matrix.length ? matrix : Arrays.copyOf(matrix, kept * dim);
    // seen maps each kept word to its row: exactly the index WordVectors needs
    return new WordVectors(w, m, dim, seen);
  }

  /** The kept words over {@code m}, which holds exactly their rows ({@code kept × dim}). */
  WordVectors vectors(float[] m) {
    String[] w = kept == words.length ? words : Arrays.copyOf(words, kept);
    return new WordVectors(w, m, dim, seen);
  }

  LoadReport report(
      java.nio.file.Path file, VectorFormat format, long declared, long bytes, Dtype dtype) {
    return new LoadReport(
        file, format, declared, rowsRead, kept, skipped, duplicates, bytes, dtype);
  }
}
