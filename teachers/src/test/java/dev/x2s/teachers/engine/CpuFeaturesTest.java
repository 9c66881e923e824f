package dev.x2s.teachers.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags from a cpuinfo file; a missing file reports nothing (so callers fall back to fp32). */
class CpuFeaturesTest {
  @Test
  void readsTheFlagsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cpuinfo");
    Files.writeString(f, "processor\t: 0\nmodel name\t: X\nflags\t\t: fpu sse avx2 avx512f avx512_vnni\n");
    CpuFeatures c = CpuFeatures.read(f);
    assertTrue(c.vnni());
    assertFalse(c.bf16());
    assertEquals("avx2 avx512f avx512_vnni", c.summary());
    Files.writeString(f, "flags : avx512_bf16 avx_vnni\n");
    assertTrue(CpuFeatures.read(f).bf16());
  }

  @Test
  void missingFileReportsNothing(@TempDir Path dir) {
    CpuFeatures c = CpuFeatures.read(dir.resolve("absent"));
    assertFalse(c.bf16());
    assertFalse(c.vnni());
  }
}
