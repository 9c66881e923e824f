package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VectorFormatNamesTest {
  @Test
  void fileNamesImplyFormats() {
    assertEquals(VectorFormat.X2V, VectorFormat.forFile(Path.of("a/b.X2V")));
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFormat.forFile(Path.of("v.bin")));
    assertEquals(VectorFormat.FASTTEXT_VEC, VectorFormat.forFile(Path.of("v.vec")));
    assertEquals(VectorFormat.GLOVE, VectorFormat.forFile(Path.of("v.glove.txt")));
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFormat.forFile(Path.of("v.txt")));
  }

  @Test
  void namesAndAliases() {
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFormat.named("w2v"));
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFormat.named("word2vec-bin"));
    assertEquals(VectorFormat.FASTTEXT_VEC, VectorFormat.named("fastText"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorFormat.named("npy"));
    assertTrue(e.getMessage().contains("'npy'") && e.getMessage().contains("x2v"), e.getMessage());
  }
}
