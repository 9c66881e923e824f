package dev.x2s.x2static;

import dev.x2s.corpus.Casing;
import dev.x2s.corpus.CorpusStats;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.jobs.CacheRoot;
import dev.x2s.jobs.Progress;
import dev.x2s.jobs.Sha256;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.teachers.Precision;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.x2static.cache.CacheIdentity;
import dev.x2s.x2static.cache.CacheManifest;
import dev.x2s.x2static.cache.ContextCache;
import dev.x2s.x2static.cache.ContextCacheWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The teacher stage: runs the teacher over the corpus once and stores one context vector per sentence
 * in a {@link ContextCache} keyed by the corpus hash, the teacher and the context settings. A complete
 * cache is reused without loading the teacher; an interrupted one is resumed from its last checkpoint.
 */
public final class ContextBuilder {
  /**
   * @param cache the complete cache
   * @param teacherSecondsThisRun wall time spent running the teacher in this run (0 when reused)
   * @param reused whether the cache was complete before this run
   */
  public record Result(ContextCache cache, double teacherSecondsThisRun, boolean reused) {}

  private final DistillConfig config;
  private final Function<String, Teacher> teachers;
  private final boolean quiet;

  /**
   * @param teachers opens a teacher by id (e.g. {@code Teachers::open}); called only when the cache
   *     must be (re)built
   */
  public ContextBuilder(DistillConfig config, Function<String, Teacher> teachers, boolean quiet) {
    this.config = config;
    this.teachers = teachers;
    this.quiet = quiet;
  }

  /** The cache root used when none is configured: {@code $X2S_CACHE/contexts} or {@code ~/.cache/x2s/contexts}. */
  public static Path defaultRoot() {
    return CacheRoot.get().resolve("contexts");
  }

  /**
   * The identity of the cache {@code config} needs for a corpus with this hash: the teacher, the corpus
   * hash and the options of fingerprint {@link DistillConfig#CONTEXTS}, with the tokenizer version and the
   * pooling.
   */
  public static CacheIdentity identity(DistillConfig config, String corpusSha256) {
    Map<String, String> s = new LinkedHashMap<>(DistillConfig.OPTIONS.fingerprintMap(config, DistillConfig.CONTEXTS));
    s.put("tokenizer", CacheIdentity.TOKENIZER_VERSION);
    s.put("pooling", "piece-mean");
    // only when not fp32, so that the fp32 caches written before precisions existed keep their identity
    if (config.precision() != Precision.FP32) {
      s.put("precision", config.precision().key());
    }
    return new CacheIdentity(corpusSha256, config.teacher(), s);
  }

  /** Builds (or resumes, or reuses) the cache and opens it. */
  public Result build() throws IOException {
    Path corpus = config.corpus();
    if (!Files.isRegularFile(corpus)) {
      throw new java.nio.file.NoSuchFileException(corpus.toString(), null, "corpus file not found");
    }
    SentenceSplitter.Kind split = config.splitter();
    CacheIdentity identity = identity(config, Sha256.of(corpus));
    Path root = config.cache() != null ? config.cache() : defaultRoot();
    Path dir = ContextCache.resolve(root, identity);
    ContextCache.State state = ContextCache.state(dir);
    if (state == ContextCache.State.COMPLETE) {
      return new Result(ContextCache.open(dir, identity), 0, true);
    }
    boolean created = state == ContextCache.State.MISSING;
    ContextCache prefix = created && !dir.equals(root) ? wholeCachePrefix(root, identity) : null;
    if (prefix != null) {
      return new Result(prefix, 0, true);
    }
    long t0 = System.nanoTime();
    try (Teacher teacher = teachers.apply(config.teacher())) {
      TeacherInfo info = teacher.info();
      if (teacher.precision() != config.precision()) {
        throw new IllegalStateException("teacher " + info.id() + " runs in " + teacher.precision().key()
            + ", but the context cache is for " + config.precision().key() + " (bf16 needs a CPU with bf16 dot"
            + " products; other precisions are for BERT-family teachers)");
      }
      int[] layers = config.layers().resolve(info.numLayers(), info.id());
      int maxLayer = java.util.Arrays.stream(layers).max().orElseThrow();
      try (ContextCacheWriter writer = ContextCacheWriter.open(dir, identity, info.family(), info.numLayers(),
          info.source(), info.dim(), corpus.toString());
          SentenceStream sentences = SentenceStream.open(corpus, split, config.maxSentences(),
              config.lowercase() ? Casing.LOWER_TEXT : Casing.KEEP)) {
        run(teacher, layers, maxLayer, writer, sentences);
        if (writer.sentences() == 0) {
          writer.close();
          if (created) {
            deleteCache(dir);
          }
          throw new IOException(emptyCorpusMessage(corpus, sentences.stats()));
        }
        writer.finish(corpusSummary(sentences.stats(), writer));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(ContextCache.open(dir, identity), seconds, false);
  }

  /**
   * For a run with no cache of its own and a sentence limit N: the first N sentences of the unlimited run's
   * cache (sentence variant only: a paragraph cut by the limit would be pooled differently), when it holds
   * that many; else null.
   */
  private ContextCache wholeCachePrefix(Path root, CacheIdentity identity) throws IOException {
    if (config.maxSentences().isAll() || config.variant() != DistillConfig.Variant.SENTENCE) {
      return null;
    }
    long n = config.maxSentences().max();
    CacheIdentity whole = identity(config.with(DistillConfig::maxSentences, SentenceLimit.ALL), identity.corpusSha256());
    Path dir = root.resolve(whole.key());
    if (ContextCache.state(dir) == ContextCache.State.MISSING || CacheManifest.read(dir).sentences() < n) {
      return null;
    }
    ContextCache cache = ContextCache.openPrefix(dir, whole, identity, n);
    if (!quiet) {
      System.err.printf(Locale.ROOT, "teacher: using the first %,d sentences of the whole-corpus cache %s (%s, %,d sentences)%n",
          n, dir, cache.prefixOf().complete() ? "complete" : "still being written", cache.prefixOf().sentences());
    }
    return cache;
  }

  private void run(Teacher teacher, int[] layers, int maxLayer, ContextCacheWriter writer, SentenceStream sentences)
      throws IOException {
    long skip = writer.sentences();
    boolean paragraphs = config.variant() == DistillConfig.Variant.PARAGRAPH;
    CorpusUnits units = new CorpusUnits(sentences, paragraphs);
    ArrayDeque<CorpusUnits.Unit> queue = new ArrayDeque<>();
    Iterator<Sentence> input = new Iterator<>() {
      private Sentence next;

      @Override
      public boolean hasNext() {
        while (next == null && units.hasNext()) {
          CorpusUnits.Unit u = units.next();
          long end = u.firstSentence() + u.sentenceLengths().length;
          if (end <= skip) {
            continue; // written by an earlier, interrupted run
          }
          if (u.firstSentence() < skip) {
            throw new IllegalStateException("the cache's checkpoint (" + skip + " sentences) splits a paragraph");
          }
          queue.add(u);
          next = new Sentence(u.firstSentence(), u.words());
        }
        return next != null;
      }

      @Override
      public Sentence next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Sentence s = next;
        next = null;
        return s;
      }
    };
    ExtractionOptions options = ExtractionOptions.defaults(maxLayer)
        .withBatch(config.teacherBatch(), Math.max(8192, config.teacherBatch() * 64));
    long total = !config.maxSentences().isAll() && !paragraphs ? config.maxSentences().max() - skip : 0;
    Progress.Builder pb = Progress.builder("teacher").total(total)
        .unit(paragraphs ? "paragraphs" : "sentences").secondUnit("words");
    if (quiet) {
      pb.out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }
    int interval = config.cacheCheckpointSentences();
    long[] lastCheckpoint = {skip};
    try (Progress progress = pb.build()) {
      new ContextExtractor(teacher, options).run(input, (sentence, states) -> {
        CorpusUnits.Unit u = queue.poll();
        if (u == null || u.firstSentence() != sentence.id()) {
          throw new IllegalStateException("extractor delivered sentence " + sentence.id() + " out of order");
        }
        boolean perWord = config.excludeTarget();
        float[][] contexts = perWord
            ? ContextPooling.leaveOneOutMeans(states, layers, u.sentenceLengths())
            : ContextPooling.spanMeans(states, layers, u.sentenceLengths());
        try {
          int from = 0;
          for (int i = 0; i < u.sentenceLengths().length; i++) {
            int len = u.sentenceLengths()[i];
            float[][] rows = perWord ? java.util.Arrays.copyOfRange(contexts, from, from + len)
                : new float[][] {contexts[i]};
            writer.append(rows, u.words().subList(from, from + len));
            from += len;
          }
          if (writer.sentences() - lastCheckpoint[0] >= interval) {
            writer.checkpoint();
            lastCheckpoint[0] = writer.sentences();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, progress);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The reader's line counts with the sentences actually cached (a resumed run also reads those already cached). */
  private static String corpusSummary(CorpusStats s, ContextCacheWriter w) {
    return String.format(Locale.ROOT, "lines %,d, documents %,d, paragraphs read %,d, empty lines %,d, bad UTF-8 lines %,d"
        + ", overlong lines %,d; sentences cached %,d", s.lines(), s.documents(), s.paragraphs(), s.emptyLines(),
        s.badUtf8Lines(), s.overlongLines(), w.sentences());
  }

  static String emptyCorpusMessage(Path corpus, CorpusStats s) {
    if (s.lines() > 0 && s.badUtf8Lines() == s.lines()) {
      return corpus + ": no usable text: all " + s.lines() + " lines are malformed UTF-8 (first at line "
          + s.firstBadUtf8Line() + "); x2s reads UTF-8 text, convert the corpus first (e.g. iconv)";
    }
    return corpus + ": the corpus has no sentences (lines " + s.lines() + ", empty lines " + s.emptyLines()
        + ", bad UTF-8 lines " + s.badUtf8Lines() + ", overlong lines " + s.overlongLines() + ")";
  }

  private static void deleteCache(Path dir) throws IOException {
    for (String f : List.of(ContextCache.CONTEXTS, ContextCache.SENTENCES, ContextCache.MANIFEST)) {
      Files.deleteIfExists(dir.resolve(f));
    }
    try (var s = Files.list(dir)) {
      if (s.findAny().isEmpty()) {
        Files.delete(dir);
      }
    }
  }
}
