package dev.x2s.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes word2vec text ({@code N D} header), fastText {@code .vec} (the same, plus the space fastText
 * writes after the last value) and GloVe (no header). Values use {@link Float#toString}'s digits,
 * which read back to the identical float.
 */
final class TextVectorWriter {
  private static final int BATCH = 8192;

  private TextVectorWriter() {}

  static void write(WordVectors vectors, Path file, VectorFormat format, WriteOptions options)
      throws IOException {
    boolean header = format != VectorFormat.GLOVE;
    boolean trailingSpace = format == VectorFormat.FASTTEXT_VEC;
    int n = vectors.size();
    int dim = vectors.dim();
    for (int r = 0; r < n; r++) {
      checkWord(vectors.word(r), r);
    }
    AtomicFiles.write(
        file,
        out -> {
          if (header) {
            out.write((n + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
          }
          // Formatting floats dominates: rows are formatted in parallel, a batch at a time, and
          // written in order.
          byte[][] lines = new byte[BATCH][];
          for (int b0 = 0; b0 < n; b0 += BATCH) {
            final int start = b0;
            int b1 = Math.min(n, b0 + BATCH);
            IntStream.range(b0, b1)
                .parallel()
                .forEach(r -> lines[r - start] = line(vectors, r, trailingSpace));
            for (int r = b0; r < b1; r++) {
              out.write(lines[r - b0]);
            }
            if (b1 < n) {
              options.progress().progress(b1, n);
            }
          }
          options.progress().progress(n, n);
        });
  }

  /** One row: the word, each value after a space, an optional trailing space, a newline. */
  private static byte[] line(WordVectors vectors, int r, boolean trailingSpace) {
    int dim = vectors.dim();
    float[] m = vectors.matrix();
    StringBuilder sb = new StringBuilder(dim * 12 + 2);
    int o = r * dim;
    for (int k = 0; k < dim; k++) {
      sb.append(' ').append(m[o + k]);
    }
    if (trailingSpace) {
      sb.append(' ');
    }
    sb.append('\n');
    byte[] word = vectors.word(r).getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[word.length + sb.length()];
    System.arraycopy(word, 0, line, 0, word.length);
    for (int i = 0; i < sb.length(); i++) {
      line[word.length + i] = (byte) sb.charAt(i); // digits, signs, '.', 'E', spaces: ASCII
    }
    return line;
  }

  /** Words of text and word2vec binary files cannot be empty or contain whitespace separators. */
  static void checkWord(String word, int row) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("row " + row + ": empty word cannot be written");
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException(
            "row " + row + ": word contains whitespace and cannot be written: \"" + word + "\"");
      }
    }
  }
}
