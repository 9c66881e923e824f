package dev.x2s.x2static;

import dev.x2s.corpus.Vocabulary;
import dev.x2s.corpus.AliasSampler;
import dev.x2s.corpus.Subsampler;

import dev.x2s.jobs.Progress;
import dev.x2s.x2static.cache.ContextCache;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The student stage of X2Static: passes over a {@link ContextCache}, turning each batch of
 * {@code batchSentences} sentences into target/negative pairs ({@link BatchBuilder}) and stepping a
 * {@link StepEngine}; writes the vectors atomically.
 *
 * <p>Reproducible: the initial parameters come from the seed; epoch {@code e} visits the sentences in a
 * permutation seeded by (seed, e); batch {@code b}'s subsampling and negatives come from a generator
 * seeded by (seed, b). A run resumed from a checkpoint after batch {@code b} therefore computes exactly
 * what the uninterrupted run computes (same thread count).
 */
public final class X2StaticTrainer {
  /** Test hook: called after each batch with its index (a throw simulates a crash). */
  @FunctionalInterface
  public interface BatchListener {
    void afterBatch(long batch);
  }

  /**
   * @param vocabularySize rows of the student
   * @param dim width
   * @param batches batches trained in this run
   * @param targets targets trained over the whole run (resumed ones included)
   * @param meanLoss mean loss per target (pairs summed) over the whole run
   * @param studentSeconds wall time of this run's training loop
   * @param resumedFromBatch batch the run resumed from (0 when it started fresh)
   * @param tokens words in the cache's sentences
   */
  public record Result(int vocabularySize, int dim, long batches, long targets, double meanLoss,
      double studentSeconds, long resumedFromBatch, long tokens) {}

  private final DistillConfig config;
  private final boolean quiet;
  private BatchListener listener = b -> { };

  public X2StaticTrainer(DistillConfig config, boolean quiet) {
    this.config = config;
    this.quiet = quiet;
    if (config.dimProjection() > 0 && config.engine() != DistillConfig.EngineKind.FUSED) {
      throw new IllegalArgumentException("--dim-projection needs the fused engine (--engine fused)");
    }
  }

  /** For tests: observe (or interrupt) the loop. */
  public X2StaticTrainer listener(BatchListener l) {
    this.listener = l;
    return this;
  }

  /** A seed for stream {@code index} of {@code seed} (splitmix64 finaliser). */
  static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Trains on {@code cache} and writes the vectors to {@code config.out()}. */
  public Result train(ContextCache cache, String cacheFingerprint) throws IOException {
    CorpusIds corpus = CorpusIds.load(cache, config.minCount(), config.maxVocab());
    Vocabulary vocab = corpus.vocab;
    int rows = vocab.size();
    int dim = cache.dim();
    int studentDim = config.dimProjection() > 0 ? config.dimProjection() : dim;
    int n = corpus.sentences();
    int perBatch = config.batchSentences();
    long batchesPerEpoch = (n + perBatch - 1) / perBatch;
    long totalBatches = batchesPerEpoch * config.epochs();
    Subsampler subsampler = new Subsampler(vocab, config.t());
    AliasSampler negatives = AliasSampler.unigram(vocab, 0.5);
    String fingerprint = config.trainingFingerprint() + "|cache=" + cacheFingerprint + "|rows=" + rows;
    Path ckptDir = TrainingCheckpoint.dirFor(config.out());

    TrainingCheckpoint resumeFrom = config.resume() ? TrainingCheckpoint.load(ckptDir, fingerprint) : null;
    long start = resumeFrom == null ? 0 : resumeFrom.nextBatch();
    double lossSum = resumeFrom == null ? 0 : resumeFrom.lossSum();
    long targets = resumeFrom == null ? 0 : resumeFrom.targets();

    long t0 = System.nanoTime();
    try (StepEngine engine = createEngine(rows, studentDim, dim, resumeFrom)) {
      Progress.Builder pb = Progress.builder("student").total(corpus.tokens() * config.epochs())
          .unit("tokens").secondUnit("targets");
      // tokens: all words of the visited sentences (in or out of the vocabulary)
      if (quiet) {
        pb.out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      }
      float[] context = new float[dim];
      int[] single = new int[1];
      int[] order = null;
      long orderEpoch = -1;
      try (Progress progress = pb.build()) {
        if (start > 0) {
          progress.advance(0);
        }
        for (long b = start; b < totalBatches; b++) {
          long epoch = b / batchesPerEpoch;
          if (epoch != orderEpoch) {
            order = order(n, epoch);
            orderEpoch = epoch;
          }
          int from = (int) ((b % batchesPerEpoch) * perBatch);
          int to = Math.min(n, from + perBatch);
          boolean perWord = cache.perWord();
          int rowsInBatch = perBatch;
          if (perWord) {
            rowsInBatch = 0;
            for (int i = from; i < to; i++) {
              rowsInBatch += corpus.length(order[i]);
            }
          }
          BatchBuilder builder = new BatchBuilder(dim, Math.max(1, rowsInBatch), config.negatives(), subsampler,
              negatives, mix(config.seed(), b));
          long tokens = 0;
          for (int i = from; i < to; i++) {
            int s = order[i];
            int[] ids = corpus.ids(s);
            tokens += ids.length;
            if (!perWord) {
              cache.context(s, context);
              builder.add(context, ids);
              continue;
            }
            // exclude-target: each word has its own context row, the sentence's mean without it
            for (int j = 0; j < ids.length; j++) {
              if (ids[j] >= 0) {
                cache.context(corpus.offset(s) + j, context);
                if (isZero(context)) {
                  continue; // a one-word sentence has no context without its target
                }
                single[0] = ids[j];
                builder.add(context, single);
              }
            }
          }
          long batchTargets = 0;
          if (!builder.isEmpty()) {
            TrainingBatch batch = builder.take();
            lossSum += engine.step(batch, (double) b / totalBatches);
            batchTargets = batch.targets();
            targets += batchTargets;
          }
          progress.advance(tokens, batchTargets);
          if (config.checkpointBatches() > 0 && (b + 1) % config.checkpointBatches() == 0 && b + 1 < totalBatches) {
            Map<String, float[]> arrays = new LinkedHashMap<>();
            arrays.put("params", engine.parameters());
            arrays.putAll(engine.optimizerState());
            new TrainingCheckpoint(b + 1, engine.steps(), lossSum, targets, arrays).save(ckptDir, fingerprint);
          }
          listener.afterBatch(b);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      WordVectors vectors = new WordVectors(vocab.words(), engine.parameters(), studentDim);
      VectorFiles.write(vectors, config.out(), format(config.format(), config.out()));
      TrainingCheckpoint.delete(ckptDir);
      return new Result(rows, studentDim, totalBatches - start, targets, targets == 0 ? 0 : lossSum / targets, seconds,
          start, corpus.tokens());
    }
  }

  private static boolean isZero(float[] v) {
    for (float x : v) {
      if (x != 0f) {
        return false;
      }
    }
    return true;
  }

  /** The visiting order of epoch {@code epoch}: identity without shuffling, else a seeded permutation. */
  private int[] order(int n, long epoch) {
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    if (config.shuffle()) {
      SplittableRandom rng = new SplittableRandom(mix(config.seed() ^ 0x5DEECE66DL, epoch));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = o[i];
        o[i] = o[j];
        o[j] = t;
      }
    }
    return o;
  }

  /** @param dim the student's width; {@code contextDim} the teacher's (they differ with a projection) */
  private StepEngine createEngine(int rows, int dim, int contextDim, TrainingCheckpoint ckpt) {
    float[] params = ckpt != null ? ckpt.arrays().get("params") : FusedCpuEngine.initialParameters(rows, dim, config.seed());
    if (params == null || params.length != (long) rows * dim) {
      throw new IllegalStateException("checkpoint parameters are not " + rows + " × " + dim);
    }
    boolean adam = config.optimizer() == DistillConfig.OptimizerKind.ADAM;
    if (config.engine() == DistillConfig.EngineKind.FUSED) {
      FusedCpuEngine e = new FusedCpuEngine(params, rows, dim,
          adam ? FusedCpuEngine.Method.ADAM : FusedCpuEngine.Method.SGD, config.lr(), config.threads());
      if (ckpt != null) {
        if (adam) {
          System.arraycopy(ckpt.arrays().get("adam_m"), 0, e.adamM(), 0, params.length);
          System.arraycopy(ckpt.arrays().get("adam_v"), 0, e.adamV(), 0, params.length);
        }
        e.restoreSteps(ckpt.steps());
      }
      if (config.dimProjection() == 0) {
        return e;
      }
      float[] w = ckpt != null ? ckpt.arrays().get("projection")
          : ProjectedEngine.initialProjection(dim, contextDim, config.seed());
      if (w == null || w.length != (long) dim * contextDim) {
        throw new IllegalStateException("checkpoint projection is not " + dim + " × " + contextDim);
      }
      ProjectedEngine p = new ProjectedEngine(e, dim, contextDim, w,
          adam ? FusedCpuEngine.Method.ADAM : FusedCpuEngine.Method.SGD, config.lr(), config.threads());
      if (ckpt != null && adam) {
        p.restoreMoments(ckpt.arrays().get("projection_adam_m"), ckpt.arrays().get("projection_adam_v"));
      }
      return p;
    }
    INDArray matrix = Nd4j.create(params, new long[] {rows, dim}, DataType.FLOAT);
    Optimizer opt = adam ? new SparseAdam(config.lr(), rows, dim) : new LinearDecaySgd(config.lr());
    if (ckpt != null) {
      Map<String, INDArray> state = new LinkedHashMap<>();
      for (String k : opt.state().keySet()) {
        state.put(k, Nd4j.create(ckpt.arrays().get(k), new long[] {rows, dim}, DataType.FLOAT));
      }
      opt.restore(state, ckpt.steps());
    }
    return new Nd4jEngine(StudentModel.of(matrix), opt);
  }

  /** The vector format named {@code name}, or implied by the output's extension. */
  public static VectorFormat format(String name, Path out) {
    return name == null ? VectorFormat.forFile(out) : VectorFormat.named(name);
  }
}
