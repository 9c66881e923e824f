package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files larger than the 4 MiB read buffer, and a single row longer than it. */
class ChunkBoundaryTest {
  @TempDir Path dir;

  @Test
  void manyRowsAcrossBufferRefills() throws IOException {
    WordVectors v = TestVectors.random(21, 60_000, 20); // ≈ 12 MB of text, 5 MB binary
    for (VectorFormat format : VectorFormat.values()) {
      Path f = dir.resolve("big-" + format);
      VectorFiles.write(v, f, format);
      LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
      assertEquals(v.words(), r.vectors().words(), format.toString());
      assertArrayEquals(v.matrix(), r.vectors().matrix(), format.toString());
      if (format != VectorFormat.X2V && format != VectorFormat.MODEL2VEC) { // memory-mapped, no read buffer
        assertTrue(Files.size(f) > 4 << 20, "file must exceed the read buffer");
      }
    }
  }

  @Test
  void rowLongerThanTheBuffer() throws IOException {
    WordVectors v = TestVectors.random(22, 2, 400_000); // one text row ≈ 4.5 MB
    for (VectorFormat format :
        new VectorFormat[] {VectorFormat.WORD2VEC_TEXT, VectorFormat.GLOVE, VectorFormat.WORD2VEC_BINARY}) {
      Path f = dir.resolve("wide-" + format);
      VectorFiles.write(v, f, format);
      assertArrayEquals(v.matrix(), VectorFiles.read(f).matrix(), format.toString());
    }
  }
}
