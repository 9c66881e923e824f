package dev.x2s.teachers.elmo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.testkit.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the teacher with the original ELMo's shapes (2×4096 cells, 512 projection, 2048
 * filters, 2 highway layers) and random weights. Slow, it allocates ~1.5 GB:
 * {@code mvn -o verify -pl teachers -am -Dgroups=slow} (optionally {@code -Dx2s.bench.batches=8,32
 * -Dx2s.bench.reps=3}; surefire passes {@code -D} properties on).
 */
@Tag(Tags.SLOW)
class ElmoThroughputTest {
  @Test
  void originalSizedElmo() {
    long seed = 42;
    System.out.println("seed " + seed);
    ElmoOptions o =
        new ElmoOptions(16, List.of(new int[] {1, 32}, new int[] {2, 32}, new int[] {3, 64},
            new int[] {4, 128}, new int[] {5, 256}, new int[] {6, 512}, new int[] {7, 1024}),
            2, 262, 50, "relu", 4096, 512, 2, 3, 3, true);
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : ElmoWeights.expectedShapes(o).entrySet()) {
      int n = 1;
      for (int d : e.getValue()) {
        n *= d;
      }
      float[] data = new float[n];
      for (int i = 0; i < n; i++) {
        data[i] = (float) (rnd.nextDouble() - 0.5) * 0.05f;
      }
      tensors.put(e.getKey(), new Tensor(e.getKey(), e.getValue(), data));
    }
    ElmoWeights w = ElmoWeights.of("random(seed " + seed + ")", tensors, o);
    tensors.clear();
    try (ElmoTeacher elmo = new ElmoTeacher("bench", "random", o, w, ElmoTeacher.StateMode.STATELESS)) {
      int reps = Integer.getInteger("x2s.bench.reps", 3);
      for (String b : System.getProperty("x2s.bench.batches", "8,32").split(",")) {
        int batchSize = Integer.parseInt(b.strip());
        List<List<String>> batch = new ArrayList<>();
        for (int s = 0; s < batchSize; s++) { // random 3-10 letter words: nearly all distinct (worst case)
          List<String> sent = new ArrayList<>();
          for (int k = 0; k < 25; k++) {
            StringBuilder word = new StringBuilder();
            for (int c = 3 + rnd.nextInt(8); c > 0; c--) {
              word.append((char) ('a' + rnd.nextInt(26)));
            }
            sent.add(word.toString());
          }
          batch.add(sent);
        }
        elmo.encode(batch, 2, PiecePooling.MEAN); // warm-up
        for (int max = 0; max <= 2; max += 2) {
          long t0 = System.nanoTime();
          long c0 = cpu.getCurrentThreadCpuTime();
          List<WordStates> out = null;
          for (int r = 0; r < reps; r++) {
            out = elmo.encode(batch, max, PiecePooling.MEAN);
          }
          double sec = (System.nanoTime() - t0) / 1e9 / reps;
          double cpuSec = (cpu.getCurrentThreadCpuTime() - c0) / 1e9 / reps;
          System.out.printf(
              "batch %d × 25 words, maxLayer %d: %.3f s/batch wall, %.3f s calling-thread CPU, %.0f words/s%n",
              batchSize, max, sec, cpuSec, batchSize * 25 / sec);
          for (float v : out.get(0).data()) {
            assertTrue(Float.isFinite(v));
          }
        }
      }
    }
  }
}
