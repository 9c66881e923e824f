package dev.x2s.layerpc.occurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Sentence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePlanTest {
  @TempDir Path dir;

  static final List<Sentence> CORPUS = List.of(
      new Sentence(0, List.of("a", "b", "a")),
      new Sentence(1, List.of("c", "a")),
      new Sentence(2, List.of("b", "a")),
      new Sentence(3, List.of("c")));

  @Test
  void samplesTheKSmallestPrioritiesAndPersists() throws IOException {
    SamplePlan p = SamplePlan.build(List.of("a", "b"), CORPUS::iterator, 2, 9);
    assertEquals(4, p.occurrences(p.indexOf("a")));
    assertEquals(2, p.slotCount(p.indexOf("a")));
    assertEquals(2, p.slotCount(p.indexOf("b"))); // only 2 occurrences: all sampled
    assertEquals(-1, p.indexOf("c"));
    // exactly the two smallest (unsigned) priorities of "a" are sampled
    long key = OccurrencePriority.wordKey(9, "a");
    long[][] occ = {{0, 0}, {0, 2}, {1, 1}, {2, 1}};
    int sampled = 0;
    for (long[] o : occ) {
      long pr = OccurrencePriority.priority(key, o[0], (int) o[1]);
      int smaller = 0;
      for (long[] q : occ) {
        if (Long.compareUnsigned(OccurrencePriority.priority(key, q[0], (int) q[1]), pr) < 0) {
          smaller++;
        }
      }
      assertEquals(smaller < 2, p.isSampled(p.indexOf("a"), o[0], (int) o[1]), "occurrence " + o[0] + ":" + o[1]);
      sampled += p.isSampled(p.indexOf("a"), o[0], (int) o[1]) ? 1 : 0;
    }
    assertEquals(2, sampled);
    assertEquals(3, p.sentencesWithWord());

    Path f = dir.resolve("plan.bin");
    p.write(f, "settings-1");
    SamplePlan q = SamplePlan.read(f, "settings-1");
    assertEquals(p.layout(4, new int[] {0}), q.layout(4, new int[] {0}));
    for (long[] o : occ) {
      assertEquals(p.isSampled(0, o[0], (int) o[1]), q.isSampled(0, o[0], (int) o[1]));
    }
    assertNull(SamplePlan.read(f, "settings-2"), "other settings: no plan");
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 1;
    Files.write(f, b);
    IOException e = assertThrows(IOException.class, () -> SamplePlan.read(f, "settings-1"));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }
}
