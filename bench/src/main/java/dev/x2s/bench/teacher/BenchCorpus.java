package dev.x2s.bench.teacher;

import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.corpus.Casing;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.data.DatasetResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared Wikipedia corpus, read with the production reader and rule splitter. */
final class BenchCorpus {
  private BenchCorpus() {}

  /**
   * The corpus file, found the way {@code x2s quickstart} finds it: benchmarks-data's resolver ($X2S_DATA,
   * {@code shared/} beside or above the working directory, the cache, else the pinned download).
   */
  static Path corpus() throws IOException {
    return DatasetResolver.builder().build().resolveFile("enwiki-2015-AA");
  }

  /** A stream of the first {@code limit} sentences. */
  static SentenceStream open(long limit) throws IOException {
    return SentenceStream.open(corpus(), SentenceSplitter.Kind.RULES, SentenceLimit.of(limit), Casing.KEEP);
  }

  /** The first {@code n} sentences, held in memory (so reading is not timed). */
  static List<Sentence> first(int n) throws IOException {
    List<Sentence> out = new ArrayList<>(n);
    try (SentenceStream s = open(n)) {
      s.forEachRemaining(out::add);
    }
    if (out.size() != n) {
      throw new IllegalStateException("corpus has only " + out.size() + " sentences");
    }
    return out;
  }
}
