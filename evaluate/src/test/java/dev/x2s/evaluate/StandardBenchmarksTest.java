package dev.x2s.evaluate;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardBenchmarksTest {
  @Test
  void idsAndPaths() {
    assertEquals(
        List.of("simlex999", "men", "ws353", "ws353-sim", "ws353-rel", "rw", "google", "msr",
            "bless", "ap", "semeval2012"),
        StandardBenchmarks.ids());
    List<String> asked = new ArrayList<>();
    StandardBenchmarks c = new StandardBenchmarks(rel -> {
      asked.add(rel);
      return Path.of("/data", rel);
    });
    assertEquals(Path.of("/data/similarity/SimLex-999.txt"), c.path("simlex999"));
    assertEquals(Path.of("/data/relational/semeval2012-task2"), c.path("semeval2012"));
    assertEquals(List.of("similarity/SimLex-999.txt", "relational/semeval2012-task2"), asked);
    assertEquals("similarity/RW-2034.tsv", StandardBenchmarks.entry("rw").path());
    assertThrows(IllegalArgumentException.class, () -> c.path("simlex"));
  }

  @Test
  void loadsEveryBenchmarkInCatalogueOrder() throws IOException {
    StandardBenchmarks c = StandardBenchmarks.under(SharedData.benchmarks());
    List<Benchmark> all = c.load(List.of("semeval2012", "ap", "simlex999"));
    assertEquals(List.of("simlex999", "ap", "semeval2012"),
        all.stream().map(Benchmark::id).toList());
    assertEquals(List.of(999, 402, 79), all.stream().map(Benchmark::size).toList());
    int[] sizes = {999, 3000, 353, 203, 252, 2034, 19544, 8000, 200, 402, 79};
    List<Benchmark> every = c.load(StandardBenchmarks.ids());
    for (int i = 0; i < sizes.length; i++) {
      assertEquals(sizes[i], every.get(i).size(), every.get(i).id());
    }
  }
}
