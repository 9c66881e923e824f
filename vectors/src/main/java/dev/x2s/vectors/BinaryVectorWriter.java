package dev.x2s.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes word2vec binary: {@code "N D\n"}, then per word its UTF-8 bytes, a space, D little-endian
 * float32 and (word2vec.c layout, {@link WriteOptions#binaryNewline()}) a {@code \n}.
 */
final class BinaryVectorWriter {
  private BinaryVectorWriter() {}

  static void write(WordVectors vectors, Path file, WriteOptions options) throws IOException {
    int n = vectors.size();
    int dim = vectors.dim();
    for (int r = 0; r < n; r++) {
      TextVectorWriter.checkWord(vectors.word(r), r);
    }
    AtomicFiles.write(
        file,
        out -> {
          out.write((n + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
          float[] m = vectors.matrix();
          ByteBuffer row = ByteBuffer.allocate(dim * 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
          for (int r = 0; r < n; r++) {
            out.write(vectors.word(r).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            row.clear();
            row.asFloatBuffer().put(m, r * dim, dim);
            int len = dim * 4;
            if (options.binaryNewline()) {
              row.put(len++, (byte) '\n');
            }
            out.write(row.array(), 0, len);
            if ((r & 8191) == 8191) {
              options.progress().progress(r + 1, n);
            }
          }
          options.progress().progress(n, n);
        });
  }
}
