package dev.x2s.distill.bert;

import java.util.Random;

/**
 * Measures encoder throughput (not a unit test): {@code BertThroughput [batches] [maxLayer...]} encodes
 * random 32×128 batches of BERT-base uncased, one warm-up batch first, and prints tokens per second.
 */
public final class BertThroughput {
  private BertThroughput() {}

  public static void main(String[] args) {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int[] layers = {12, 2};
    if (args.length > 1) {
      layers = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        layers[i - 1] = Integer.parseInt(args[i]);
      }
    }
    Random rnd = new Random(1);
    int[][] ids = new int[32][128];
    int[] lengths = new int[32];
    for (int b = 0; b < 32; b++) {
      for (int t = 0; t < 128; t++) {
        ids[b][t] = 1000 + rnd.nextInt(29000);
      }
      ids[b][0] = 101;
      ids[b][127] = 102;
      lengths[b] = 128;
    }
    var cpu = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try (BertTeacher teacher = BertTeacher.load("bert-base-uncased")) {
      BertEncoder enc = teacher.encoder();
      for (int maxLayer : layers) {
        enc.forward(ids, lengths, maxLayer);
        long c0 = cpu.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
          enc.forward(ids, lengths, maxLayer);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double c = (cpu.getProcessCpuTime() - c0) / 1e9;
        // under contention wall time overstates the cost; tokens per CPU-second x 2 cores is what an
        // unloaded 2-core machine would approach
        System.out.printf("maxLayer %d: %d batches of 32x128 in %.2f s wall, %.2f s CPU = %.0f tokens/s wall, "
            + "%.0f tokens/CPU-s (threads %d)%n", maxLayer, batches, s, c, batches * 32 * 128 / s,
            batches * 32 * 128 / c, Runtime.getRuntime().availableProcessors());
      }
    }
  }
}
