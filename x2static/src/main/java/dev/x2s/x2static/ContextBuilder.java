package dev.x2s.x2static;

import dev.x2s.corpus.Casing;
import dev.x2s.corpus.CorpusStats;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.jobs.chunks.Chunks;
import dev.x2s.teachers.TeacherOpener;
import java.util.ArrayList;

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
  private final TeacherOpener teachers;
  private final boolean quiet;
  private ChunkRunner runner = ChunkRunner.LOCAL;

  /**
   * @param teachers opens a teacher by id (e.g. {@code Teachers::open}); called only when the cache
   *     must be (re)built
   */
  public ContextBuilder(DistillConfig config, TeacherOpener teachers, boolean quiet) {
    this.config = config;
    this.teachers = teachers;
    this.quiet = quiet;
  }

  /**
   * Encodes the chunks with {@code runner} (default {@link ChunkRunner#LOCAL}); a cluster runner keeps its
   * shards beside the cache until the cache is complete.
   */
  public ContextBuilder runner(ChunkRunner runner) {
    this.runner = runner;
    return this;
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
    Teacher opened = teachers.open(config.teacher());
    TeacherInfo info = opened.info();
    if (opened.precision() != config.precision()) {
      opened.close();
      throw new IllegalStateException("teacher " + info.id() + " runs in " + opened.precision().key()
          + ", but the context cache is for " + config.precision().key() + " (bf16 needs a CPU with bf16 dot"
          + " products; other precisions are for BERT-family teachers)");
    }
    if (runner.distributed()) {
      opened.close(); // the executors load their own; the driver needed only its facts
    }
    try (Teacher teacher = runner.distributed() ? null : opened) {
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
    deleteShards(shardDir(dir));
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
    // skip what an earlier, interrupted run wrote; its checkpoints fall on chunk boundaries
    long unitsSkipped = 0;
    CorpusUnits.Unit first = null;
    while (units.hasNext()) {
      CorpusUnits.Unit u = units.next();
      if (u.firstSentence() + u.sentenceLengths().length > skip) {
        if (u.firstSentence() < skip) {
          throw new IllegalStateException("the cache's checkpoint (" + skip + " sentences) splits a paragraph");
        }
        first = u;
        break;
      }
      unitsSkipped++;
    }
    ExtractionOptions options = extraction(config, maxLayer);
    int chunkUnits = options.windowSentences();
    Iterator<ArrayList<CorpusUnits.Unit>> chunks = chunks(first, units, chunkUnits);
    long total = !config.maxSentences().isAll() && !paragraphs ? config.maxSentences().max() - skip : 0;
    Progress.Builder pb = Progress.builder("teacher").total(total)
        .unit(paragraphs ? "paragraphs" : "sentences").secondUnit("words");
    if (quiet) {
      pb.out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }
    int interval = config.cacheCheckpointSentences();
    long[] lastCheckpoint = {skip};
    ContextChunkJob job = new ContextChunkJob(teachers, config.teacher(), layers, options, config.excludeTarget(),
        teacher); // teacher: null when distributed
    try (Progress progress = pb.build()) {
      runner.run(job, chunks, unitsSkipped / chunkUnits, shardDir(writer.dir()), (index, result) -> {
        for (ContextChunkJob.Entry e : result.sentences()) {
          writer.append(e.rows(), e.words());
        }
        progress.advance(result.units(), result.words());
        if (writer.sentences() - lastCheckpoint[0] >= interval) {
          writer.checkpoint();
          lastCheckpoint[0] = writer.sentences();
        }
      });
    }
  }

  /**
   * The extractor's settings: one chunk of units is exactly one read-ahead window, so a chunk is batched
   * as an uncut stream would be, and chunks are independent of each other.
   */
  static ExtractionOptions extraction(DistillConfig config, int maxLayer) {
    return ExtractionOptions.defaults(maxLayer).withBatch(config.teacherBatch(), Math.max(8192, config.teacherBatch() * 64));
  }

  /** Where a cluster runner keeps the shards of the cache in {@code dir}: beside it. */
  static Path shardDir(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".shards");
  }

  private static Iterator<ArrayList<CorpusUnits.Unit>> chunks(CorpusUnits.Unit first, Iterator<CorpusUnits.Unit> rest,
      int chunkUnits) {
    Iterator<CorpusUnits.Unit> all = new Iterator<>() {
      CorpusUnits.Unit head = first;

      @Override
      public boolean hasNext() {
        return head != null || (first != null && rest.hasNext());
      }

      @Override
      public CorpusUnits.Unit next() {
        if (head != null) {
          CorpusUnits.Unit u = head;
          head = null;
          return u;
        }
        if (first == null) {
          throw new NoSuchElementException();
        }
        return rest.next();
      }
    };
    Iterator<List<CorpusUnits.Unit>> c = Chunks.of(all, chunkUnits, u -> 1);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return c.hasNext();
      }

      @Override
      public ArrayList<CorpusUnits.Unit> next() {
        return new ArrayList<>(c.next());
      }
    };
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

  /** Removes the shards a cluster runner left beside a now complete cache. */
  private static void deleteShards(Path shards) throws IOException {
    if (Files.isDirectory(shards)) {
      try (var s = Files.walk(shards)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
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
