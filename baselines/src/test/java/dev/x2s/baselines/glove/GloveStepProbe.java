package dev.x2s.baselines.glove;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Probe (not a test): single-thread GloVe steps per CPU-second on random records with Zipf-like word ids.
 * Args: vocab dim records. Run: {@code java -cp trainer/target/classes:trainer/target/test-classes
 * dev.x2s.baselines.glove.GloveStepProbe 30000 100 5000000}.
 */
public class GloveStepProbe {
  public static void main(String[] args) {
    int vocab = Integer.parseInt(args[0]);
    int dim = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
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
    for (int round = 0; round < 3; round++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      double cost = 0;
      for (int i = 0; i < n; i++) {
        cost += m.step(w[i], c[i], x[i], u1, u2);
      }
      double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.printf("round %d: %.0f steps per CPU-s (%.0f per wall-s), cost %.4f%n", round, n / cpu, n / wall,
          cost / n);
    }
  }
}
