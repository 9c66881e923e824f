package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code expected.tsv} written by a reference tool: per line a word, a tab and the IEEE bits of
 * each float32 value in hex.
 */
final class ExpectedBits {
  final List<String> words = new ArrayList<>();
  final List<int[]> rows = new ArrayList<>();

  ExpectedBits(String resource) throws IOException {
    try (InputStream in = ExpectedBits.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] p = line.split("\t");
        words.add(p[0]);
        String[] hex = p[1].split(" ");
        int[] bits = new int[hex.length];
        for (int i = 0; i < hex.length; i++) {
          bits[i] = Integer.parseUnsignedInt(hex[i], 16);
        }
        rows.add(bits);
      }
    }
  }

  /** Asserts that {@code v} has exactly these words and bit-identical values. */
  void assertMatches(WordVectors v) {
    assertEquals(words, v.words());
    int dim = v.dim();
    for (int r = 0; r < rows.size(); r++) {
      assertEquals(dim, rows.get(r).length);
      for (int k = 0; k < dim; k++) {
        assertEquals(
            rows.get(r)[k],
            Float.floatToRawIntBits(v.matrix()[r * dim + k]),
            "row " + r + " (" + words.get(r) + ") value " + k);
      }
    }
  }
}
