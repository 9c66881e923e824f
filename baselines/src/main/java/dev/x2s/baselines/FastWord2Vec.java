package dev.x2s.baselines;

import dev.x2s.corpus.AliasSampler;
import dev.x2s.corpus.Vocabulary;
import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.math.VectorMath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * word2vec (CBOW or skip-gram with negative sampling) as the original {@code word2vec.c} trains it:
 * subsampling {@code (sqrt(f/(s·N)) + 1)·(s·N)/f}, a window shrunk at random per position, the CBOW
 * context mean, negatives from unigram^0.75, scores clipped at ±6, the learning rate decayed linearly
 * over all epochs, and lock-free (Hogwild) threads over contiguous shares of the corpus.
 *
 * <p>Why not DL4J's Word2Vec, which {@link Word2VecBaseline} wraps: in 1.0.0-M2.1 its batched native op
 * fails, and with batch size 1 it ran at ≈ 2.2k words/s here (docs/BASELINES.md) — hours for the shared
 * corpus. This trainer uses the student's float kernels ({@link VectorMath}). One thread is reproducible
 * bit for bit; more threads race on shared rows, as word2vec.c does.
 */
public final class FastWord2Vec {
  private static final float MAX_EXP = 6f;

  private FastWord2Vec() {}

  /** Trains on space-joined sentences (iterated once to count and once to encode). */
  public static WordVectors train(Iterable<String> sentences, Word2VecOptions o) {
    Map<String, Long> counts = new HashMap<>();
    for (String s : sentences) {
      for (String w : s.split(" ")) {
        if (!w.isEmpty()) {
          counts.merge(w, 1L, Long::sum);
        }
      }
    }
    Vocabulary vocab = Vocabulary.build(counts, o.minCount(), 0);
    // The corpus as ids (out-of-vocabulary words dropped, as word2vec.c does when it reads).
    IntList tokens = new IntList();
    IntList starts = new IntList();
    for (String s : sentences) {
      starts.add(tokens.size);
      for (String w : s.split(" ")) {
        int id = w.isEmpty() ? -1 : vocab.id(w);
        if (id >= 0) {
          tokens.add(id);
        }
      }
    }
    starts.add(tokens.size);
    return new Run(vocab, tokens.toArray(), starts.toArray(), o).train();
  }

  private static final class Run {
    final Vocabulary vocab;
    final int[] tokens;
    final int[] starts;
    final Word2VecOptions o;
    final int d;
    final float[] syn0;
    final float[] syn1;
    final AliasSampler negatives;
    final float[] keep;
    final AtomicLong processed = new AtomicLong();
    final long total;

    Run(Vocabulary vocab, int[] tokens, int[] starts, Word2VecOptions o) {
      this.vocab = vocab;
      this.tokens = tokens;
      this.starts = starts;
      this.o = o;
      this.d = o.dim();
      int v = vocab.size();
      syn0 = new float[v * d];
      syn1 = new float[v * d];
      SplittableRandom init = new SplittableRandom(o.seed());
      for (int i = 0; i < syn0.length; i++) {
        syn0[i] = (float) ((init.nextDouble() - 0.5) / d);
      }
      negatives = AliasSampler.unigram(vocab, 0.75);
      keep = new float[v];
      double threshold = o.sample() * tokens.length;
      for (int i = 0; i < v; i++) {
        double f = vocab.count(i);
        keep[i] = o.sample() <= 0 ? 1f : (float) ((Math.sqrt(f / threshold) + 1) * threshold / f);
      }
      total = (long) o.epochs() * tokens.length;
    }

    WordVectors train() {
      int threads = Math.max(1, o.threads());
      int sentences = starts.length - 1;
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) sentences * t / threads);
        int to = (int) ((long) sentences * (t + 1) / threads);
        long seed = o.seed() * 31 + t;
        Thread w = new Thread(() -> work(from, to, seed), "word2vec-" + t);
        w.setUncaughtExceptionHandler((th, e) -> failures.add(e));
        workers.add(w);
      }
      workers.forEach(Thread::start);
      for (Thread w : workers) {
        try {
          w.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("word2vec worker failed", failures.get(0));
      }
      return new WordVectors(vocab.words(), syn0, d);
    }

    void work(int fromSentence, int toSentence, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      float[] neu1 = new float[d];
      float[] neu1e = new float[d];
      int[] sent = new int[1024];
      long local = 0;
      for (int epoch = 0; epoch < o.epochs(); epoch++) {
        for (int s = fromSentence; s < toSentence; s++) {
          int n = 0;
          int len = starts[s + 1] - starts[s];
          if (sent.length < len) {
            sent = new int[len];
          }
          for (int p = starts[s]; p < starts[s + 1]; p++) {
            int id = tokens[p];
            if (keep[id] >= 1f || rng.nextFloat() < keep[id]) {
              sent[n++] = id;
            }
          }
          local += len;
          if (local >= 10_000) {
            processed.addAndGet(local);
            local = 0;
          }
          float alpha = (float) Math.max(o.learningRate() * 1e-4,
              o.learningRate() * (1 - processed.get() / (double) (total + 1)));
          for (int i = 0; i < n; i++) {
            int b = rng.nextInt(o.window());
            int lo = Math.max(0, i - o.window() + b);
            int hi = Math.min(n - 1, i + o.window() - b);
            if (o.skipGram()) {
              for (int c = lo; c <= hi; c++) {
                if (c != i) {
                  java.util.Arrays.fill(neu1e, 0f);
                  int l1 = sent[c] * d;
                  negativeSampling(syn0, l1, sent[i], alpha, neu1e, rng);
                  VectorMath.axpy(1f, neu1e, 0, syn0, l1, d);
                }
              }
            } else {
              java.util.Arrays.fill(neu1, 0f);
              java.util.Arrays.fill(neu1e, 0f);
              int cw = 0;
              for (int c = lo; c <= hi; c++) {
                if (c != i) {
                  VectorMath.axpy(1f, syn0, sent[c] * d, neu1, 0, d);
                  cw++;
                }
              }
              if (cw == 0) {
                continue;
              }
              float inv = 1f / cw;
              for (int j = 0; j < d; j++) {
                neu1[j] *= inv;
              }
              negativeSampling(neu1, 0, sent[i], alpha, neu1e, rng);
              for (int c = lo; c <= hi; c++) {
                if (c != i) {
                  VectorMath.axpy(1f, neu1e, 0, syn0, sent[c] * d, d);
                }
              }
            }
          }
        }
      }
      processed.addAndGet(local);
    }

    /** One target and its negatives against hidden vector {@code h[ho..]}; accumulates into neu1e. */
    void negativeSampling(float[] h, int ho, int target, float alpha, float[] neu1e, SplittableRandom rng) {
      for (int j = 0; j <= o.negatives(); j++) {
        int t;
        int label;
        if (j == 0) {
          t = target;
          label = 1;
        } else {
          t = negatives.sample(rng);
          if (t == target) {
            continue;
          }
          label = 0;
        }
        int l2 = t * d;
        float f = VectorMath.dot(h, ho, syn1, l2, d);
        float g;
        if (f > MAX_EXP) {
          g = (label - 1) * alpha;
        } else if (f < -MAX_EXP) {
          g = label * alpha;
        } else {
          g = (float) ((label - 1 / (1 + Math.exp(-f))) * alpha);
        }
        VectorMath.axpy(g, syn1, l2, neu1e, 0, d);
        VectorMath.axpy(g, h, ho, syn1, l2, d);
      }
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] a = new int[1 << 16];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, size);
    }
  }
}
