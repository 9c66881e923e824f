package dev.x2s.baselines.glove;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.testkit.Tags;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single-thread GloVe steps per CPU-second on random records with Zipf-like word ids (docs/BASELINES.md).
 * Slow: {@code mvn -o verify -pl baselines -am -Dgroups=slow}; other sizes with
 * {@code -Dx2s.bench.glove=vocab,dim,records} (default 30000,100,5000000).
 */
@Tag(Tags.SLOW)
class GloveStepThroughputTest {
  @Test
  void stepsPerCpuSecond() {
    String[] args = System.getProperty("x2s.bench.glove", "30000,100,5000000").split(",");
    int vocab = Integer.parseInt(args[0].strip());
    int dim = Integer.parseInt(args[1].strip());
    int n = Integer.parseInt(args[2].strip());
    SplittableRandom rng = new SplittableRandom(1);
    int[] w = new int[n];
    int[] c = new int[n];
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (int) (vocab * Math.pow(rng.nextDouble(), 2));
      c[i] = (int) (vocab * Math.pow(rng.nextDouble(), 2));
      x[i] = (float) (0.1 + 50 * Math.pow(rng.nextDouble(), 4));
    }
    GloveModel m = new GloveModel(vocab, GloveOptions.defaults().withDim(dim));
    double[] u1 = new double[dim];
    double[] u2 = new double[dim];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] cost = new double[3];
    for (int round = 0; round < 3; round++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += m.step(w[i], c[i], x[i], u1, u2);
      }
      double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - t0) / 1e9;
      cost[round] = sum / n;
      System.out.printf("round %d: %.0f steps per CPU-s (%.0f per wall-s), cost %.4f%n", round, n / cpu, n / wall,
          cost[round]);
    }
    // AdaGrad passes over the same records: the mean weighted cost falls every round
    assertTrue(cost[1] < cost[0] && cost[2] < cost[1], java.util.Arrays.toString(cost));
  }
}
