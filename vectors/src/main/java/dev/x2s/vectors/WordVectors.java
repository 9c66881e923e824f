package dev.x2s.vectors;

import dev.x2s.vectors.math.VectorMath;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable vocabulary of words with one dense float vector each, stored as a single row-major
 * matrix ({@code size × dim}). Row {@code i} belongs to {@code word(i)}; rows keep the order of the
 * file they came from (frequency order for word2vec/GloVe/fastText files), which is what "the first N
 * words" means everywhere in x2s.
 *
 * <p>The matrix is shared, not copied, by {@link #matrix()}: callers must not modify it. Every
 * transformation returns a new instance.
 */
public final class WordVectors {
  private final String[] words;
  private final float[] matrix;
  private final int dim;
  private final WordIndex index;

  /**
   * @param words distinct words, one per row
   * @param matrix row-major {@code words.length × dim} values; taken over, not copied
   * @param dim vector dimension
   * @throws IllegalArgumentException if the sizes disagree or a word repeats
   */
  public WordVectors(String[] words, float[] matrix, int dim) {
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(matrix, "matrix");
    if (dim <= 0) {
      throw new IllegalArgumentException("dimension must be positive: " + dim);
    }
    if ((long) words.length * dim != matrix.length) {
      throw new IllegalArgumentException(
          "matrix has " + matrix.length + " values, expected " + words.length + " × " + dim);
    }
    this.words = words;
    this.matrix = matrix;
    this.dim = dim;
    this.index = new WordIndex(words.length);
    for (int i = 0; i < words.length; i++) {
      if (index.add(words[i]) >= 0) {
        throw new IllegalArgumentException("duplicate word at row " + i + ": " + words[i]);
      }
    }
  }

  /**
   * Takes over {@code index} (word → row, exactly the rows of {@code words}) built by a reader, to
   * avoid hashing every word twice on load.
   */
  WordVectors(String[] words, float[] matrix, int dim, WordIndex index) {
    if ((long) words.length * dim != matrix.length || index.size() != words.length || dim <= 0) {
      throw new IllegalArgumentException("inconsistent words, matrix and index");
    }
    this.words = words;
    this.matrix = matrix;
    this.dim = dim;
    this.index = index;
  }

  public int size() {
    return words.length;
  }

  public int dim() {
    return dim;
  }

  public String word(int row) {
    return words[row];
  }

  /** The words in row order (unmodifiable view). */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** Row of {@code word}, or -1 when it is not in the vocabulary. */
  public int indexOf(String word) {
    return index.get(word);
  }

  public boolean contains(String word) {
    return index.get(word) >= 0;
  }

  /** The shared row-major matrix; do not modify. */
  public float[] matrix() {
    return matrix;
  }

  /** A copy of row {@code row}. */
  public float[] vector(int row) {
    return Arrays.copyOfRange(matrix, row * dim, row * dim + dim);
  }

  /** A copy of the vector of {@code word}, or null when absent. */
  public float[] vector(String word) {
    int row = indexOf(word);
    return row < 0 ? null : vector(row);
  }

  /** Cosine similarity of two rows ({@link VectorMath#cosine}: 0 when either is zero). */
  public double cosine(int a, int b) {
    return VectorMath.cosine(matrix, a * dim, matrix, b * dim, dim);
  }

  /** The mean of all rows (double accumulation). */
  public float[] mean() {
    double[] sum = new double[dim];
    for (int r = 0; r < words.length; r++) {
      int o = r * dim;
      for (int k = 0; k < dim; k++) {
        sum[k] += matrix[o + k];
      }
    }
    float[] mean = new float[dim];
    for (int k = 0; k < dim; k++) {
      mean[k] = (float) (sum[k] / Math.max(1, words.length));
    }
    return mean;
  }

  /** A copy with every row scaled to unit L2 norm ({@link VectorMath#normalize}; zero rows stay zero). */
  public WordVectors normalized() {
    float[] out = matrix.clone();
    for (int r = 0; r < words.length; r++) {
      VectorMath.normalize(out, r * dim, out, r * dim, dim);
    }
    return withMatrix(out);
  }

  /** The same words (sharing the index) over another matrix of the same shape. */
  WordVectors withMatrix(float[] m) {
    return new WordVectors(words, m, dim, index);
  }

  /** The rows whose words {@code keep} holds, in this file's order. */
  public WordVectors restrictTo(java.util.Set<String> keep) {
    int n = 0;
    for (String w : words) {
      if (keep.contains(w)) {
        n++;
      }
    }
    if (n == words.length) {
      return this;
    }
    String[] w2 = new String[n];
    float[] m2 = new float[n * dim];
    int r = 0;
    for (int i = 0; i < words.length; i++) {
      if (keep.contains(words[i])) {
        w2[r] = words[i];
        System.arraycopy(matrix, i * dim, m2, r * dim, dim);
        r++;
      }
    }
    return new WordVectors(w2, m2, dim);
  }

  /** The first {@code n} rows (all of them when {@code n >= size()}). */
  public WordVectors head(int n) {
    if (n >= words.length) {
      return this;
    }
    return new WordVectors(
        Arrays.copyOf(words, n), Arrays.copyOf(matrix, n * dim), dim);
  }

  @Override
  public String toString() {
    return "WordVectors[" + words.length + " × " + dim + "]";
  }
}
