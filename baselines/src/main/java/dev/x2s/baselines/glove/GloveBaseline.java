package dev.x2s.baselines.glove;

import dev.x2s.jobs.Progress;
import dev.x2s.corpus.Vocabulary;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains GloVe (Pennington, Socher and Manning 2014) from scratch on tokenized sentences, following the
 * reference C pipeline: {@code vocab_count} (a first pass: words with at least min count, ordered by
 * count then word), {@code cooccur} (a second pass: {@link CooccurrenceCounter} into a memory-bounded
 * {@link PairAccumulator}), {@code shuffle} ({@link CooccurrenceRecords#shuffle}) and {@code glove}
 * ({@link GloveModel}, lock-free over {@code threads} contiguous slices of the shuffled records per
 * iteration, like the C code's threads). Returns W + W̃ in vocabulary order. The C code's extra
 * {@code <unk>} row is not written.
 */
public final class GloveBaseline {
  private static final int PROGRESS_CHUNK = 1 << 16;

  private GloveBaseline() {}

  /**
   * @param sentences a re-iterable source of tokenized sentences (iterated twice); a sentence is a
   *     context boundary, as a line is for the C tools
   * @param log where to print the per-iteration cost and progress bars (null: silent)
   */
  public static GloveResult train(Iterable<List<String>> sentences, GloveOptions o, PrintStream log)
      throws IOException {
    long t0 = System.nanoTime();
    Vocabulary vocab = countWords(sentences, o.minCount(), log);
    double vocabSeconds = (System.nanoTime() - t0) / 1e9;
    if (log != null) {
      log.printf("glove: vocabulary %,d words (min count %d), %,d tokens, %.1f s%n",
          vocab.size(), o.minCount(), vocab.totalTokens(), vocabSeconds);
    }
    long t1 = System.nanoTime();
    try (PairAccumulator pairs = new PairAccumulator(o.memoryBytes(), o.tempDir())) {
      CooccurrenceCounter counter = new CooccurrenceCounter(vocab, o.window(), pairs);
      try (Progress p = progress(log, "cooccur", 0, "sentences")) {
        for (List<String> s : sentences) {
          counter.addSentence(s);
          p.advance(1, s.size());
        }
      }
      try (CooccurrenceRecords records = CooccurrenceRecords.from(pairs, o.tempDir())) {
        if (records.size() == 0) {
          throw new IllegalArgumentException("GloVe: no two vocabulary words share a sentence ("
              + counter.sentences() + " sentences, " + counter.vocabTokens() + " vocabulary tokens)");
        }
        records.shuffle(o.seed());
        double cooccurSeconds = (System.nanoTime() - t1) / 1e9;
        if (log != null) {
          log.printf("glove: %,d co-occurring pairs (table %,d slots, %d spills) in %.1f s%n",
              records.size(), pairs.slots(), pairs.spills(), cooccurSeconds);
        }
        long t2 = System.nanoTime();
        GloveModel model = new GloveModel(vocab.size(), o);
        long[] skipped = new long[1];
        List<Double> costs = train(model, records, o, log, skipped);
        double trainSeconds = (System.nanoTime() - t2) / 1e9;
        GloveStats stats = new GloveStats(counter.sentences(), counter.tokens(), vocab.size(),
            counter.vocabTokens(), records.size(), pairs.slots(), pairs.spills(), pairs.spilledPairs(),
            List.copyOf(costs), skipped[0], vocabSeconds, cooccurSeconds, trainSeconds);
        WordVectors v = new WordVectors(vocab.words(), model.wordPlusContext(), o.dim());
        return new GloveResult(v, vocab, stats);
      }
    }
  }

  static Vocabulary countWords(Iterable<List<String>> sentences, int minCount, PrintStream log) {
    Map<String, long[]> counts = new HashMap<>();
    try (Progress p = progress(log, "vocab", 0, "sentences")) {
      for (List<String> s : sentences) {
        for (String w : s) {
          counts.computeIfAbsent(w, k -> new long[1])[0]++;
        }
        p.advance(1, s.size());
      }
    }
    Map<String, Long> plain = new HashMap<>(counts.size() * 2);
    counts.forEach((k, v) -> plain.put(k, v[0]));
    return Vocabulary.build(plain, minCount, 0);
  }

  /** The iterations: each thread takes a contiguous slice of the shuffled records, as in glove.c. */
  static List<Double> train(GloveModel model, CooccurrenceRecords records, GloveOptions o, PrintStream log,
      long[] skippedOut) throws IOException {
    long n = records.size();
    int threads = (int) Math.max(1, Math.min(o.threads(), n));
    List<Double> costs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "glove-train");
      t.setDaemon(true);
      return t;
    });
    AtomicLong skipped = new AtomicLong();
    try (Progress p = progress(log, "glove", n * o.iterations(), "records")) {
      for (int it = 0; it < o.iterations(); it++) {
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long from = n / threads * t;
          long to = t == threads - 1 ? n : from + n / threads;
          parts.add(pool.submit(() -> slice(model, records, from, to, o.dim(), p, skipped)));
        }
        double total = 0;
        for (Future<Double> f : parts) {
          total += get(f);
        }
        costs.add(total / n);
        if (log != null) {
          log.printf("glove: iter %03d, cost %.6f%n", it + 1, total / n);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    skippedOut[0] = skipped.get();
    return costs;
  }

  private static double slice(GloveModel model, CooccurrenceRecords records, long from, long to, int dim,
      Progress p, AtomicLong skipped) {
    double[] u1 = new double[dim];
    double[] u2 = new double[dim];
    double cost = 0;
    long bad = 0;
    long pending = 0;
    for (long r = from; r < to; r++) {
      double c = model.step(records.word(r), records.context(r), records.value(r), u1, u2);
      if (Double.isNaN(c)) {
        bad++;
      } else {
        cost += c;
      }
      if (++pending == PROGRESS_CHUNK) {
        p.advance(pending);
        pending = 0;
      }
    }
    p.advance(pending);
    skipped.addAndGet(bad);
    return cost;
  }

  private static double get(Future<Double> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("GloVe training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("GloVe training failed", e.getCause());
    }
  }

  private static Progress progress(PrintStream log, String label, long total, String unit) {
    if (log == null) {
      return Progress.silent(label);
    }
    Progress.Builder b = Progress.builder(label).unit(unit).out(log);
    if (total > 0) {
      b.total(total);
    }
    if (unit.equals("sentences")) {
      b.secondUnit("words");
    }
    return b.build();
  }
}
