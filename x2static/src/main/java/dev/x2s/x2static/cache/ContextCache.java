package dev.x2s.x2static.cache;

import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.vectors.Dtype;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A complete, verified cache of teacher context vectors, opened for reading. A cache is a row store
 * ({@link RowStore}) directory:
 *
 * <ul>
 *   <li>{@code manifest.json} — the row store's commit, with {@link CacheManifest} as its {@code meta};
 *   <li>{@code rows.f16} — one context per sentence (or, with exclude_target, per word), {@code dim}
 *       IEEE binary16 values each (memory-mapped here);
 *   <li>{@code sentences.txt} — a stream of N lines, the words of sentence {@code i} joined by single spaces.
 * </ul>
 *
 * <p>{@link #open} checks the identity, the complete flag, the file sizes and every chunk checksum, so a
 * truncated, edited or foreign cache is refused with a message naming the file. Reads are thread-safe.
 */
public final class ContextCache implements AutoCloseable {
  public static final String MANIFEST = RowStore.MANIFEST;
  public static final String CONTEXTS = RowStore.rowsFile(Dtype.FP16);
  public static final String SENTENCES = "sentences.txt";

  /** What a directory holds for an identity. */
  public enum State {
    MISSING,
    PARTIAL,
    COMPLETE
  }

  private final RowStore store;
  private final CacheManifest manifest;
  private final CacheManifest prefixOf;

  private ContextCache(RowStore store, CacheManifest manifest, CacheManifest prefixOf) {
    this.store = store;
    this.manifest = manifest;
    this.prefixOf = prefixOf;
  }

  /**
   * The cache directory to use: {@code cacheArg} itself when it is a cache (holds a manifest), which must
   * then match {@code expected}; otherwise {@code cacheArg/<key>}.
   *
   * @throws RowStoreException when {@code cacheArg} is a cache of another corpus, teacher or setting
   */
  public static Path resolve(Path cacheArg, CacheIdentity expected) throws IOException {
    if (Files.isRegularFile(cacheArg.resolve(MANIFEST))) {
      CacheManifest m = CacheManifest.read(cacheArg);
      Map<String, String> diff = m.identity().differences(expected);
      if (!diff.isEmpty()) {
        throw new RowStoreException(cacheArg, "this cache was made for teacher " + m.identity().teacherId()
            + " but the run asks for teacher " + expected.teacherId() + "; differences (cache vs run): " + diff
            + ". Point --cache at a cache root directory (or another cache) instead");
      }
      return cacheArg;
    }
    return cacheArg.resolve(expected.key());
  }

  /** Whether {@code dir} holds nothing, an interrupted or a complete cache (identity not checked). */
  public static State state(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
      return State.MISSING;
    }
    return CacheManifest.read(dir).complete() ? State.COMPLETE : State.PARTIAL;
  }

  /** Opens a complete cache, checking identity, sizes and checksums. */
  public static ContextCache open(Path dir, CacheIdentity expected) throws IOException {
    RowStore store = RowStore.open(dir);
    try {
      CacheManifest m = checked(store, dir, expected);
      if (!m.complete()) {
        throw new RowStoreException(dir, "incomplete cache (" + m.sentences() + " sentences so far); run again to resume it");
      }
      store.verify();
      return new ContextCache(store, m, null);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static CacheManifest checked(RowStore store, Path dir, CacheIdentity expected) throws IOException {
    CacheManifest m = CacheManifest.of(store.manifest(), dir);
    Map<String, String> diff = m.identity().differences(expected);
    if (!diff.isEmpty()) {
      throw new RowStoreException(dir, "cache of another corpus/teacher/setting (cache vs run): " + diff);
    }
    return m;
  }

  /**
   * Opens the first {@code n} sentences of a cache made without a sentence limit, complete or still being
   * written, as the cache {@code asked} (the same settings with {@code max_sentences = n}). For the sentence
   * variant those rows are exactly what the limited run would write, so a long teacher run can feed students
   * before it ends. The whole durable prefix is checksummed first.
   *
   * @throws RowStoreException when the cache is of another identity or holds fewer than {@code n} sentences
   */
  public static ContextCache openPrefix(Path dir, CacheIdentity whole, CacheIdentity asked, long n) throws IOException {
    RowStore store = RowStore.open(dir);
    try {
      CacheManifest m = checked(store, dir, whole);
      if (n <= 0 || m.sentences() < n) {
        throw new RowStoreException(dir, "holds " + m.sentences() + " sentences, the run asks for the first " + n);
      }
      store.verify();
      long rows = m.perWord() ? wordsInFirstLines(store, n) : n;
      double seconds = m.teacherSeconds() * n / m.sentences(); // pro-rated: the teacher's rate is near constant
      CacheManifest view = new CacheManifest(asked, m.teacherFamily(), m.teacherLayers(), m.teacherSource(), m.dim(),
          m.corpusPath(), n, rows, true, seconds, "first " + n + " sentences of cache " + m.identity().key());
      return new ContextCache(store, view, m);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Words in the first {@code n} lines of the sentences (a per-word cache's rows for them). */
  private static long wordsInFirstLines(RowStore store, long n) throws IOException {
    byte[] buf = new byte[1 << 16];
    long words = 0;
    long lines = 0;
    try (InputStream in = store.stream(SENTENCES)) {
      int len;
      while (lines < n && (len = in.read(buf)) > 0) {
        for (int i = 0; i < len && lines < n; i++) {
          if (buf[i] == '\n') {
            lines++;
            words++;
          } else if (buf[i] == ' ') {
            words++;
          }
        }
      }
    }
    if (lines < n) {
      throw new RowStoreException(store.dir().resolve(SENTENCES), "ends after " + lines + " lines, " + n + " expected");
    }
    return words;
  }

  public Path dir() {
    return store.dir();
  }

  public CacheManifest manifest() {
    return manifest;
  }

  /** The manifest of the whole-corpus cache this one is the first sentences of; null for a cache of its own. */
  public CacheManifest prefixOf() {
    return prefixOf;
  }

  public int dim() {
    return manifest.dim();
  }

  /** Number of sentences (context rows). */
  public long size() {
    return manifest.sentences();
  }

  /** Context rows: {@link #size()}, or the corpus's word count for a per-word cache. */
  public long rows() {
    return manifest.rows();
  }

  /** Whether there is one context row per word occurrence (exclude-target) rather than per sentence. */
  public boolean perWord() {
    return manifest.perWord();
  }

  /** Reads context row {@code row} into {@code out[0..dim)}. */
  public void context(long row, float[] out) {
    if (row < 0 || row >= manifest.rows()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + manifest.rows());
    }
    store.row(row, out, 0);
  }

  /** Receives the words of each cached sentence in order. */
  @FunctionalInterface
  public interface SentenceVisitor {
    void accept(long index, String[] words) throws IOException;
  }

  /** Streams {@code sentences.txt} (strict UTF-8; a line count differing from the manifest is an error). */
  public void forEachSentence(SentenceVisitor visitor) throws IOException {
    Path file = dir().resolve(SENTENCES);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    long n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(store.stream(SENTENCES), decoder), 1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (n >= manifest.sentences()) {
          if (prefixOf != null) {
            break; // a prefix view: the file goes on
          }
          throw new RowStoreException(file, "more than the " + manifest.sentences() + " lines the manifest records");
        }
        if (line.isEmpty()) {
          throw new RowStoreException(file, "line " + (n + 1) + " is empty");
        }
        visitor.accept(n++, line.split(" "));
      }
    }
    if (n != manifest.sentences()) {
      throw new RowStoreException(file, n + " lines, the manifest records " + manifest.sentences());
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
