package dev.x2s.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes word2vec text ({@code N D} header), fastText {@code .vec} (the same, plus the space fastText
 * writes after the last value) and GloVe (no header). Values use {@link Float#toString}'s digits,
 * which read back to the identical float.
 */
final class TextVectorWriter {
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
          float[] m = vectors.matrix();
          StringBuilder sb = new StringBuilder(dim * 16);
          byte[] line = new byte[dim * 16];
          for (int r = 0; r < n; r++) {
            sb.setLength(0);
            int o = r * dim;
            for (int k = 0; k < dim; k++) {
              sb.append(' ').append(m[o + k]);
            }
            if (trailingSpace) {
              sb.append(' ');
            }
            sb.append('\n');
            out.write(vectors.word(r).getBytes(StandardCharsets.UTF_8));
            line = ascii(sb, line);
            out.write(line, 0, sb.length());
            if ((r & 8191) == 8191) {
              options.progress().progress(r + 1, n);
            }
          }
          options.progress().progress(n, n);
        });
  }

  private static byte[] ascii(CharSequence s, byte[] buf) {
    int len = s.length();
    if (buf.length < len) {
      buf = new byte[len * 2];
    }
    for (int i = 0; i < len; i++) {
      buf[i] = (byte) s.charAt(i);
    }
    return buf;
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
