package dev.x2s.evaluate;

import dev.x2s.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A minimal reader of whitespace text vectors ({@code word v1 … vd}, optional word2vec
 * {@code count dim} header; later duplicates dropped) for tests only: the project's readers live in
 * {@code vectors}.
 */
final class TextVectors {
  private TextVectors() {}

  static WordVectors read(Path file) throws IOException {
    List<String> words = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    float[] m = new float[1 << 20];
    int dim = -1;
    int rows = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String[] f = line.trim().split(" ");
        if (n == 1 && f.length == 2) {
          continue;
        }
        if (dim < 0) {
          dim = f.length - 1;
        }
        if (f.length != dim + 1) {
          throw new IOException(file + ":" + n + ": expected " + (dim + 1) + " fields");
        }
        if (!seen.add(f[0])) {
          continue;
        }
        if ((long) (rows + 1) * dim > m.length) {
          m = java.util.Arrays.copyOf(m, m.length * 2);
        }
        for (int k = 0; k < dim; k++) {
          m[rows * dim + k] = Float.parseFloat(f[k + 1]);
        }
        words.add(f[0]);
        rows++;
      }
    }
    return new WordVectors(words.toArray(new String[0]),
        java.util.Arrays.copyOf(m, rows * dim), dim);
  }
}
