package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads word2vec files written by gensim 4.2.0 ({@code gensim/make_fixtures.py}, run with Debian's
 * /usr/bin/python3) and compares every value bit for bit with {@code expected.tsv}, which the
 * same script wrote as raw IEEE bits.
 */
class GensimInteropTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GensimInteropTest.class.getResource("/gensim/" + name).toURI());
  }

  private static List<String> expectedWords = new ArrayList<>();

  private static int[][] expected() throws IOException {
    List<int[]> rows = new ArrayList<>();
    expectedWords = new ArrayList<>();
    try (InputStream in = GensimInteropTest.class.getResourceAsStream("/gensim/expected.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] p = line.split("\t");
        expectedWords.add(p[0]);
        String[] hex = p[1].split(" ");
        int[] bits = new int[hex.length];
        for (int i = 0; i < hex.length; i++) {
          bits[i] = Integer.parseUnsignedInt(hex[i], 16);
        }
        rows.add(bits);
      }
    }
    return rows.toArray(int[][]::new);
  }

  private static void assertExact(WordVectors v) throws IOException {
    int[][] bits = expected();
    assertEquals(expectedWords, v.words());
    assertEquals(7, v.dim());
    for (int r = 0; r < bits.length; r++) {
      for (int k = 0; k < 7; k++) {
        assertEquals(
            bits[r][k],
            Float.floatToRawIntBits(v.matrix()[r * 7 + k]),
            "row " + r + " (" + expectedWords.get(r) + ") value " + k);
      }
    }
  }

  @Test
  void readsGensimBinaryExactly() throws Exception {
    Path f = resource("gensim.bin");
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(f));
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
    assertExact(r.vectors());
    assertEquals(Files.size(f), r.report().bytes());
    assertEquals(20, r.report().declaredRows());
  }

  @Test
  void readsGensimTextExactly() throws Exception {
    Path f = resource("gensim.txt");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(f));
    assertExact(VectorFiles.read(f));
  }
}
