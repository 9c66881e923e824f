package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicWriteTest {
  @TempDir Path dir;

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** A failure in the middle of writing leaves neither a temporary nor a partial file. */
  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void failureLeavesNothingBehind(VectorFormat format) throws IOException {
    WordVectors v = TestVectors.random(3, 50_000, 4);
    Path target = dir.resolve("out");
    WriteOptions failing =
        WriteOptions.defaults()
            .withProgress(
                (done, total) -> {
                  if (done < total) {
                    throw new IllegalStateException("disk full (simulated)");
                  }
                });
    assertThrows(IllegalStateException.class, () -> VectorFiles.write(v, target, format, failing));
    assertEquals(List.of(), listing());
  }

  /** A failed rewrite keeps the previous complete file. */
  @Test
  void failedRewriteKeepsOldFile() throws IOException {
    WordVectors old = TestVectors.random(4, 10, 4);
    Path target = dir.resolve("v.txt");
    VectorFiles.write(old, target, VectorFormat.WORD2VEC_TEXT);
    byte[] before = Files.readAllBytes(target);
    WordVectors bad = new WordVectors(new String[] {"has space"}, new float[4], 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> VectorFiles.write(bad, target, VectorFormat.WORD2VEC_TEXT));
    WordVectors big = TestVectors.random(5, 50_000, 4);
    assertThrows(
        IllegalStateException.class,
        () ->
            VectorFiles.write(
                big,
                target,
                VectorFormat.WORD2VEC_TEXT,
                WriteOptions.defaults()
                    .withProgress(
                        (d, t) -> {
                          throw new IllegalStateException("stop");
                        })));
    assertArrayEquals(before, Files.readAllBytes(target));
    assertEquals(List.of(target), listing());
  }

  @Test
  void replacesExistingFileAndCreatesDirectories() throws IOException {
    Path target = dir.resolve("a/b/v.x2v");
    VectorFiles.write(TestVectors.random(6, 3, 2), target, VectorFormat.X2V);
    WordVectors second = TestVectors.random(7, 5, 2);
    VectorFiles.write(second, target, VectorFormat.X2V);
    assertArrayEquals(second.matrix(), VectorFiles.read(target).matrix());
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertEquals(1, s.count());
    }
  }
}
