package dev.x2s.bench.student;

import dev.x2s.corpus.AliasSampler;
import dev.x2s.x2static.FusedCpuEngine;
import dev.x2s.x2static.LinearDecaySgd;
import dev.x2s.x2static.Optimizer;
import dev.x2s.x2static.SparseAdam;
import dev.x2s.x2static.StepEngine;
import dev.x2s.x2static.StudentModel;
import dev.x2s.x2static.TrainingBatch;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Targets/s of one X2Static step engine on synthetic batches: {@code --sentences} context rows of width
 * {@code --dim} per step, {@code --targets} targets per sentence, each with {@code --negatives}
 * negatives; targets and negatives are drawn from rank^-0.5 over {@code --vocab} rows — the unigram^0.5
 * negative distribution of a Zipfian corpus. Batch generation is timed too (the trainer builds batches
 * on the stepping thread as well). Prints every round and the median.
 *
 * <pre>bench/student/throughput.sh [--engine fused|nd4j] [--optimizer sgd|adam] [--threads 2] [--dim 768]
 *     [--vocab 100000] [--sentences 128] [--targets 8] [--negatives 10] [--steps 1500] [--rounds 3]</pre>
 */
public final class StudentThroughput {
  public static void main(String[] args) {
    String engine = "fused";
    String optimizer = "sgd";
    int threads = 2;
    int dim = 768;
    int vocab = 100_000;
    int sentences = 128;
    int perSentence = 8;
    int negatives = 10;
    int steps = 1500;
    int rounds = 3;
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--engine" -> engine = v;
        case "--optimizer" -> optimizer = v;
        case "--threads" -> threads = Integer.parseInt(v);
        case "--dim" -> dim = Integer.parseInt(v);
        case "--vocab" -> vocab = Integer.parseInt(v);
        case "--sentences" -> sentences = Integer.parseInt(v);
        case "--targets" -> perSentence = Integer.parseInt(v);
        case "--negatives" -> negatives = Integer.parseInt(v);
        case "--steps" -> steps = Integer.parseInt(v);
        case "--rounds" -> rounds = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    boolean adam = optimizer.equals("adam");
    SplittableRandom rng = new SplittableRandom(3);
    int pairs = sentences * perSentence * (1 + negatives);
    float[] c = new float[sentences * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) rng.nextGaussian() * 0.1f;
    }
    int[] ps = new int[pairs];
    int[] pr = new int[pairs];
    boolean[] pt = new boolean[pairs];
    AliasSampler zipf = new AliasSampler(IntStream.range(0, vocab).mapToDouble(i -> Math.pow(i + 1, -0.5)).toArray());
    double[] rates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      StudentModel model = null;
      Optimizer opt = null;
      StepEngine fused = null;
      if (engine.equals("nd4j")) {
        model = StudentModel.initialise(vocab, dim, 1);
        opt = adam ? new SparseAdam(1e-3, vocab, dim) : new LinearDecaySgd(0.05);
      } else {
        fused = new FusedCpuEngine(FusedCpuEngine.initialParameters(vocab, dim, 1), vocab, dim,
            adam ? FusedCpuEngine.Method.ADAM : FusedCpuEngine.Method.SGD, adam ? 1e-3 : 0.05, threads);
      }
      long targets = 0;
      long t0 = 0;
      int warmup = steps / 4;
      for (int step = 0; step < steps; step++) {
        if (step == warmup) {
          t0 = System.nanoTime();
          targets = 0;
        }
        int k = 0;
        for (int s = 0; s < sentences; s++) {
          for (int t = 0; t < perSentence; t++) {
            ps[k] = s;
            pr[k] = zipf.sample(rng);
            pt[k++] = true;
            for (int n = 0; n < negatives; n++) {
              ps[k] = s;
              pr[k] = zipf.sample(rng);
              pt[k++] = false;
            }
          }
        }
        TrainingBatch b = new TrainingBatch(c, sentences, dim, ps, pr, pt, pairs, sentences * perSentence);
        if (model != null) {
          model.step(b, opt, 0.1);
        } else {
          fused.step(b, 0.1);
        }
        targets += (long) sentences * perSentence;
      }
      rates[round] = targets / ((System.nanoTime() - t0) / 1e9);
      if (fused != null) {
        fused.close();
      }
      System.out.printf(Locale.ROOT, "round %d: %,.0f targets/s%n", round + 1, rates[round]);
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT,
        "%s %s, %d threads, d=%d, %d negatives, vocabulary %,d, %d sentences × %d targets per step: "
            + "median %,.0f targets/s (%d rounds of %d steps, first quarter untimed)%n",
        engine, optimizer, threads, dim, negatives, vocab, sentences, perSentence, sorted[rounds / 2], rounds, steps);
  }
}
