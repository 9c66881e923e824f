package dev.x2s.trainer;

import java.util.SplittableRandom;

/** Probe: targets/s of the student step engines. Args: engine(fused|nd4j) sentences method(sgd|adam) threads. */
public class StepThroughputProbe {
  public static void main(String[] args) {
    String engine = args[0];
    int sentences = Integer.parseInt(args[1]);
    boolean adam = args[2].equals("adam");
    int threads = Integer.parseInt(args[3]);
    int vocab = Integer.getInteger("vocab", 100_000), dim = 768, perSentence = 8, neg = 10;
    SplittableRandom rng = new SplittableRandom(3);
    int pairs = sentences * perSentence * (1 + neg);
    float[] c = new float[sentences * dim];
    for (int i = 0; i < c.length; i++) c[i] = (float) rng.nextGaussian() * 0.1f;
    int[] ps = new int[pairs], pr = new int[pairs]; boolean[] pt = new boolean[pairs];
    AliasSampler zipf = new AliasSampler(java.util.stream.IntStream.range(0, vocab).mapToDouble(i -> Math.pow(1.0 / (i + 1), 0.5)).toArray());
    StudentModel m = engine.equals("nd4j") ? StudentModel.initialise(vocab, dim, 1) : null;
    Optimizer opt = m == null ? null : adam ? new SparseAdam(1e-3, vocab, dim) : new LinearDecaySgd(0.05);
    FusedCpuEngine f = m != null ? null : new FusedCpuEngine(FusedCpuEngine.initialParameters(vocab, dim, 1), vocab, dim,
        adam ? FusedCpuEngine.Method.ADAM : FusedCpuEngine.Method.SGD, adam ? 1e-3 : 0.05, threads);
    long targets = 0, t0 = 0;
    int steps = Integer.getInteger("steps", m != null ? 40 : 400);
    for (int step = 0; step < steps; step++) {
      if (step == steps / 4) { t0 = System.nanoTime(); targets = 0; }
      int k = 0;
      for (int s = 0; s < sentences; s++) for (int t = 0; t < perSentence; t++) {
        ps[k] = s; pr[k] = zipf.sample(rng); pt[k++] = true;
        for (int n = 0; n < neg; n++) { ps[k] = s; pr[k] = zipf.sample(rng); pt[k++] = false; }
      }
      TrainingBatch b = new TrainingBatch(c, sentences, dim, ps, pr, pt, pairs, sentences * perSentence);
      if (m != null) m.step(b, opt, 0.1); else f.step(b, 0.1);
      targets += sentences * perSentence;
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s S=%d %s threads=%d: %.0f targets/s (d=%d, %d negatives)%n", engine, sentences, adam ? "adam" : "sgd", threads, targets / sec, dim, neg);
    if (f != null) f.close();
  }
}
