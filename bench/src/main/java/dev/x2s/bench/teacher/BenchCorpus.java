package dev.x2s.bench.teacher;

import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.corpus.Casing;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared Wikipedia corpus, read with the production reader and rule splitter. */
final class BenchCorpus {
  private BenchCorpus() {}

  /** {@code $X2S_SHARED}, else the first ancestor of user.dir holding {@code shared/benchmarks-data}. */
  static Path shared() {
    String env = System.getenv("X2S_SHARED");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/benchmarks-data"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("shared data not found: set X2S_SHARED or run below a directory with shared/");
  }

  static Path corpus() {
    return shared().resolve("corpora/enwiki-2015-AA.wikiextractor.txt.gz");
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
