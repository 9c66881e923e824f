package dev.x2s.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheRootTest {
  private static final Path HOME_CACHE = Path.of(System.getProperty("user.home"), ".cache", "x2s");

  @Test
  void theVariableWinsElseTheHomeCache() {
    assertEquals(Path.of("/data/x2s-cache"), CacheRoot.of(Map.of("X2S_CACHE", "/data/x2s-cache")::get));
    assertEquals(HOME_CACHE, CacheRoot.of(Map.<String, String>of()::get));
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    assertEquals(HOME_CACHE, CacheRoot.of(Map.of("X2S_CACHE", "  ")::get));
  }
}
