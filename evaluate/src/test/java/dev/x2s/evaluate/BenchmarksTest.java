package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.Coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.x2s.evaluate.report.VectorResults;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTest {
  @TempDir Path dir;

  /*
   * A user's files through the generic loaders. Vectors a (1,0), b (0,1), c (1,1):
   * cos(a,b) = 0, cos(a,c) = cos(b,c) = 0.7071; gold 1, 2, 3 → cosine ranks 1, 2.5, 2.5 against
   * 1, 2, 3: deviations (−1, 0.5, 0.5) and (−1, 0, 1), Σxy = 1.5, Σx² = 1.5, Σy² = 2 →
   * ρ = 1.5/√3 = 0.866025.
   */
  @Test
  void userFiles() throws IOException {
    Path pairs = dir.resolve("my-pairs.csv");
    Files.writeString(pairs, "w1,w2,score\na,b,1\na,c,2\nb,c,3\n");
    Path cats = dir.resolve("mine.csv");
    Files.writeString(cats, "animal,a\nanimal,b\ntool,c\n");
    Path questions = dir.resolve("q.txt");
    Files.writeString(questions, ": s\na b a b\n");
    VectorResults r = new Evaluator().evaluate("v",
        TestVectors.of(2, "a", 1, 0, "b", 0, 1, "c", 1, 1),
        List.of(Benchmarks.similarityFile(pairs), Benchmarks.categorizationFile(cats),
            Benchmarks.analogyFile(questions)));
    assertEquals(1.5 / Math.sqrt(3), r.score("my-pairs/spearman").score(), 1e-12);
    assertEquals(new Coverage(3, 3, "words"), r.score("mine/purity").coverage());
    // a : b :: a : ? — only c is not excluded, so it is predicted; the gold b is wrong.
    assertEquals(0.0, r.score("q/3cosadd").score());
    assertEquals(new Coverage(1, 1, "questions"), r.score("q/3cosadd").coverage());
  }
}
