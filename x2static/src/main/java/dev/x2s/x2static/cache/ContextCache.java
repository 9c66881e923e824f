package dev.x2s.x2static.cache;

import dev.x2s.vectors.Half;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A complete, verified cache of teacher context vectors, opened for reading. A cache is a directory:
 *
 * <ul>
 *   <li>{@code manifest.json} — {@link CacheManifest}: identity, teacher, sizes, CRC32C, complete flag;
 *   <li>{@code contexts.f16} — {@code N × dim} (or, with exclude_target, {@code words × dim}) little-endian IEEE binary16 values, row {@code i} at byte
 *       {@code i × dim × 2} (memory-mapped here);
 *   <li>{@code sentences.txt} — N lines, the words of sentence {@code i} joined by single spaces.
 * </ul>
 *
 * <p>{@link #open} checks the identity, the complete flag, the file sizes and both CRC32C checksums, so a
 * truncated, edited or foreign cache is refused with a message naming the file. Reads are thread-safe.
 */
public final class ContextCache implements AutoCloseable {
  public static final String MANIFEST = "manifest.json";
  public static final String CONTEXTS = "contexts.f16";
  public static final String SENTENCES = "sentences.txt";

  private static final float[] HALF_TO_FLOAT = new float[1 << 16];

  static {
    for (int h = 0; h < HALF_TO_FLOAT.length; h++) {
      HALF_TO_FLOAT[h] = Half.toFloat((short) h);
    }
  }

  /** What a directory holds for an identity. */
  public enum State {
    MISSING,
    PARTIAL,
    COMPLETE
  }

  private final Path dir;
  private final CacheManifest manifest;
  private final CacheManifest prefixOf;
  private final FileChannel channel;
  private final MappedByteBuffer[] maps;
  private final int rowBytes;
  private final long rowsPerMap;

  private ContextCache(Path dir, CacheManifest manifest, CacheManifest prefixOf) throws IOException {
    this.dir = dir;
    this.manifest = manifest;
    this.prefixOf = prefixOf;
    this.rowBytes = manifest.dim() * 2;
    this.rowsPerMap = Math.max(1, (Integer.MAX_VALUE / 2) / rowBytes);
    this.channel = FileChannel.open(dir.resolve(CONTEXTS), StandardOpenOption.READ);
    long rows = manifest.rows();
    int n = (int) ((rows + rowsPerMap - 1) / rowsPerMap);
    maps = new MappedByteBuffer[n];
    for (int i = 0; i < n; i++) {
      long first = i * rowsPerMap;
      long count = Math.min(rowsPerMap, rows - first);
      maps[i] = channel.map(FileChannel.MapMode.READ_ONLY, first * rowBytes, count * rowBytes);
      maps[i].order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /**
   * The cache directory to use: {@code cacheArg} itself when it is a cache (holds a manifest), which must
   * then match {@code expected}; otherwise {@code cacheArg/<key>}.
   *
   * @throws CacheException when {@code cacheArg} is a cache of another corpus, teacher or setting
   */
  public static Path resolve(Path cacheArg, CacheIdentity expected) throws IOException {
    if (Files.isRegularFile(cacheArg.resolve(MANIFEST))) {
      CacheManifest m = CacheManifest.read(cacheArg);
      Map<String, String> diff = m.identity().differences(expected);
      if (!diff.isEmpty()) {
        throw new CacheException(cacheArg, "this cache was made for teacher " + m.identity().teacherId()
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
    CacheManifest m = CacheManifest.read(dir);
    Map<String, String> diff = m.identity().differences(expected);
    if (!diff.isEmpty()) {
      throw new CacheException(dir, "cache of another corpus/teacher/setting (cache vs run): " + diff);
    }
    if (!m.complete()) {
      throw new CacheException(dir, "incomplete cache (" + m.sentences() + " sentences so far); run again to resume it");
    }
    verify(dir, m, m.contextsBytes(), m.sentencesBytes(), true);
    return new ContextCache(dir, m, null);
  }

  /**
   * Opens the first {@code n} sentences of a cache made without a sentence limit, complete or still being
   * written, as the cache {@code asked} (the same settings with {@code max_sentences = n}). For the sentence
   * variant those rows are exactly what the limited run would write, so a long teacher run can feed students
   * before it ends. The whole durable prefix is checksummed first.
   *
   * @throws CacheException when the cache is of another identity or holds fewer than {@code n} sentences
   */
  public static ContextCache openPrefix(Path dir, CacheIdentity whole, CacheIdentity asked, long n) throws IOException {
    CacheManifest m = CacheManifest.read(dir);
    Map<String, String> diff = m.identity().differences(whole);
    if (!diff.isEmpty()) {
      throw new CacheException(dir, "cache of another corpus/teacher/setting (cache vs run): " + diff);
    }
    if (n <= 0 || m.sentences() < n) {
      throw new CacheException(dir, "holds " + m.sentences() + " sentences, the run asks for the first " + n);
    }
    verify(dir, m, m.contextsBytes(), m.sentencesBytes(), m.complete());
    Path file = dir.resolve(SENTENCES);
    long[] prefix = linesPrefix(file, n); // bytes, words, CRC32C of those bytes
    long rows = m.perWord() ? prefix[1] : n;
    long contextsBytes = rows * m.dim() * 2L;
    long crcContexts = crc32c(dir.resolve(CONTEXTS), contextsBytes);
    double seconds = m.teacherSeconds() * n / m.sentences(); // pro-rated: the teacher's rate is near constant
    CacheManifest view = new CacheManifest(asked, m.teacherFamily(), m.teacherLayers(), m.teacherSource(), m.dim(),
        m.corpusPath(), n, contextsBytes, prefix[0], crcContexts, prefix[2], true, seconds,
        "first " + n + " sentences of cache " + m.identity().key());
    return new ContextCache(dir, view, m);
  }

  /** Bytes, words and CRC32C of the first {@code n} lines of {@code file} (each line ends with '\n'). */
  private static long[] linesPrefix(Path file, long n) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buf = new byte[1 << 16];
    long bytes = 0;
    long words = 0;
    long lines = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int len;
      while (lines < n && (len = in.read(buf)) > 0) {
        int i = 0;
        for (; i < len && lines < n; i++) {
          if (buf[i] == '\n') {
            lines++;
            words++;
          } else if (buf[i] == ' ') {
            words++;
          }
        }
        crc.update(buf, 0, i);
        bytes += i;
      }
    }
    if (lines < n) {
      throw new CacheException(file, "ends after " + lines + " lines, " + n + " expected");
    }
    return new long[] {bytes, words, crc.getValue()};
  }

  /**
   * Checks that the data files hold at least (or, with {@code exact}, exactly) the recorded bytes and that
   * their CRC32C match the manifest.
   */
  static void verify(Path dir, CacheManifest m, long contextsBytes, long sentencesBytes, boolean exact)
      throws IOException {
    if (contextsBytes % (m.dim() * 2L) != 0 || (!m.perWord() && contextsBytes != m.sentences() * m.dim() * 2L)) {
      throw new CacheException(dir.resolve(MANIFEST), "contexts_bytes " + contextsBytes + " is not "
          + (m.perWord() ? "a multiple of dim " + m.dim() + " × 2" : "sentences " + m.sentences() + " × dim " + m.dim() + " × 2"));
    }
    checkFile(dir.resolve(CONTEXTS), contextsBytes, m.crcContexts(), exact);
    checkFile(dir.resolve(SENTENCES), sentencesBytes, m.crcSentences(), exact);
  }

  private static void checkFile(Path file, long bytes, long crc, boolean exact) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CacheException(file, "missing");
    }
    long size = Files.size(file);
    if (size < bytes || (exact && size != bytes)) {
      throw new CacheException(file, size + " bytes, the manifest records " + bytes + " (truncated or changed)");
    }
    long actual = crc32c(file, bytes);
    if (actual != crc) {
      throw new CacheException(file, String.format(
          "CRC32C of the first %d bytes is %08x, the manifest records %08x (corrupt)", bytes, actual, crc));
    }
  }

  /** CRC32C of the first {@code bytes} bytes of {@code file}. */
  static long crc32c(Path file, long bytes) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buf = new byte[1 << 16];
    long left = bytes;
    try (InputStream in = Files.newInputStream(file)) {
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new CacheException(file, "ends before byte " + bytes);
        }
        crc.update(buf, 0, n);
        left -= n;
      }
    }
    return crc.getValue();
  }

  public Path dir() {
    return dir;
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
    MappedByteBuffer m = maps[(int) (row / rowsPerMap)];
    int off = (int) ((row % rowsPerMap) * rowBytes);
    int dim = manifest.dim();
    for (int k = 0; k < dim; k++) {
      out[k] = HALF_TO_FLOAT[m.getShort(off + 2 * k) & 0xffff];
    }
  }

  /** Receives the words of each cached sentence in order. */
  @FunctionalInterface
  public interface SentenceVisitor {
    void accept(long index, String[] words) throws IOException;
  }

  /** Streams {@code sentences.txt} (strict UTF-8; a line count differing from the manifest is an error). */
  public void forEachSentence(SentenceVisitor visitor) throws IOException {
    Path file = dir.resolve(SENTENCES);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    long n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (n >= manifest.sentences()) {
          if (prefixOf != null) {
            break; // a prefix view: the file goes on
          }
          throw new CacheException(file, "more than the " + manifest.sentences() + " lines the manifest records");
        }
        if (line.isEmpty()) {
          throw new CacheException(file, "line " + (n + 1) + " is empty");
        }
        visitor.accept(n++, line.split(" "));
      }
    }
    if (n != manifest.sentences()) {
      throw new CacheException(file, n + " lines, the manifest records " + manifest.sentences());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
