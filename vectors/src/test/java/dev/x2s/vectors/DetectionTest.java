package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
  @TempDir Path dir;

  private VectorFormat detect(String content) throws IOException {
    Path f = Files.createTempFile(dir, "d", ".txt");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return VectorFiles.detect(f);
  }

  @Test
  void textFormats() throws IOException {
    assertEquals(VectorFormat.WORD2VEC_TEXT, detect("2 2\na 1 2\nb 3 4\n"));
    assertEquals(VectorFormat.WORD2VEC_TEXT, detect("2 2\r\na\t1 2 \r\n"));
    assertEquals(VectorFormat.WORD2VEC_TEXT, detect("0 300\n"));
    assertEquals(VectorFormat.GLOVE, detect("the 0.1 0.2\nof 0.3 0.4\n"));
    assertEquals(VectorFormat.GLOVE, detect("2 2 2\n"));
    assertEquals(VectorFormat.GLOVE, detect("a 1"));
    // malformed text rows are still text, so that the text reader reports them
    assertEquals(VectorFormat.WORD2VEC_TEXT, detect("1 3\na 1 NaN 3\n"));
    assertEquals(VectorFormat.WORD2VEC_TEXT, detect("1 3\na 1 2\n"));
  }

  /** Binary files of random vectors (any seed) are never mistaken for text, and vice versa. */
  @Test
  void binaryVersusTextOnRandomVectors() throws IOException {
    for (long seed = 0; seed < 300; seed++) {
      int dim = 1 + new Random(seed).nextInt(8);
      WordVectors v = TestVectors.random(seed, 3, dim);
      Path bin = dir.resolve("r" + seed + ".bin");
      Path txt = dir.resolve("r" + seed + ".txt");
      VectorFiles.write(v, bin, VectorFormat.WORD2VEC_BINARY);
      VectorFiles.write(v, txt, VectorFormat.WORD2VEC_TEXT);
      assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(bin), "seed " + seed);
      assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(txt), "seed " + seed);
    }
  }

  @Test
  void x2vAndForcedFormat() throws IOException {
    WordVectors v = TestVectors.random(1, 4, 3);
    Path x = dir.resolve("v.any");
    VectorFiles.write(v, x, VectorFormat.X2V);
    assertEquals(VectorFormat.X2V, VectorFiles.detect(x));
    // a word2vec text file read as GloVe: the header "2 2"'s second field is its only value,
    // so the next row has the wrong column count
    Path t = dir.resolve("t.txt");
    Files.writeString(t, "2 2\na 1 2\nb 3 4\n");
    VectorFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            VectorFormatException.class,
            () -> VectorFiles.read(t, ReadOptions.defaults().withFormat(VectorFormat.GLOVE)));
    assertEquals(2, e.line());
  }
}
