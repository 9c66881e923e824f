package dev.x2s.x2static.cache;

import dev.x2s.vectors.Half;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Appends sentences and their context vectors to a cache directory, with resumable checkpoints.
 *
 * <p>{@link #checkpoint()} forces both data files to disk and only then rewrites the manifest atomically,
 * so the manifest always describes a durable prefix. Opening a partial cache truncates the data files to
 * the manifest's sizes (dropping whatever an interrupted run wrote after its last checkpoint), checks the
 * CRC32C of what remains, and continues from {@link #sentences()}. {@link #close()} without
 * {@link #finish} keeps the last checkpoint, which is what an interrupted run leaves.
 */
public final class ContextCacheWriter implements AutoCloseable {
  private final Path dir;
  private final FileChannel contexts;
  private final FileChannel sentencesFile;
  private final ByteBuffer ctxBuf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private final ByteBuffer txtBuf = ByteBuffer.allocate(1 << 20);
  private final CRC32C crcContexts = new CRC32C();
  private final CRC32C crcSentences = new CRC32C();
  private final long openedNanos = System.nanoTime();
  private final double teacherSecondsBefore;
  private CacheManifest manifest;
  private long sentences;
  private long contextsBytes;
  private long sentencesBytes;

  private ContextCacheWriter(Path dir, CacheManifest manifest) throws IOException {
    this.dir = dir;
    this.manifest = manifest;
    this.teacherSecondsBefore = manifest.teacherSeconds();
    this.sentences = manifest.sentences();
    this.contextsBytes = manifest.contextsBytes();
    this.sentencesBytes = manifest.sentencesBytes();
    FileChannel c = null;
    FileChannel s = null;
    try {
      c = FileChannel.open(dir.resolve(ContextCache.CONTEXTS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      s = FileChannel.open(dir.resolve(ContextCache.SENTENCES), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      c.truncate(contextsBytes);
      s.truncate(sentencesBytes);
      c.position(contextsBytes);
      s.position(sentencesBytes);
      // the running CRCs continue from the retained prefix
      feed(crcContexts, c, contextsBytes);
      feed(crcSentences, s, sentencesBytes);
    } catch (IOException | RuntimeException e) {
      if (c != null) {
        c.close();
      }
      if (s != null) {
        s.close();
      }
      throw e;
    }
    this.contexts = c;
    this.sentencesFile = s;
    if (crcContexts.getValue() != manifest.crcContexts() || crcSentences.getValue() != manifest.crcSentences()) {
      close();
      throw new CacheException(dir, "the data files do not match the manifest's CRC32C (corrupt cache); delete "
          + dir + " to rebuild it");
    }
  }

  /**
   * Opens {@code dir} for appending: a new cache (created with the given teacher facts) or the partial
   * cache an interrupted run left, which must have the same identity and width.
   *
   * @param teacherFamily teacher family for the manifest
   * @param teacherLayers the teacher's hidden-state count
   * @param teacherSource where its weights came from
   * @param dim context width
   * @param corpusPath the corpus file, for information
   */
  public static ContextCacheWriter open(Path dir, CacheIdentity identity, String teacherFamily, int teacherLayers,
      String teacherSource, int dim, String corpusPath) throws IOException {
    CacheManifest m;
    if (Files.isRegularFile(dir.resolve(ContextCache.MANIFEST))) {
      m = CacheManifest.read(dir);
      Map<String, String> diff = m.identity().differences(identity);
      if (!diff.isEmpty()) {
        throw new CacheException(dir, "cache of another corpus/teacher/setting (cache vs run): " + diff);
      }
      if (m.complete()) {
        throw new CacheException(dir, "already complete");
      }
      if (m.dim() != dim) {
        throw new CacheException(dir, "cache width " + m.dim() + " but teacher " + identity.teacherId()
            + " has width " + dim);
      }
      for (String f : List.of(ContextCache.CONTEXTS, ContextCache.SENTENCES)) {
        long need = f.equals(ContextCache.CONTEXTS) ? m.contextsBytes() : m.sentencesBytes();
        if (!Files.isRegularFile(dir.resolve(f)) || Files.size(dir.resolve(f)) < need) {
          throw new CacheException(dir.resolve(f), "shorter than the " + need + " bytes the manifest records");
        }
      }
    } else {
      Files.createDirectories(dir);
      m = new CacheManifest(identity, teacherFamily, teacherLayers, teacherSource, dim, corpusPath, 0, 0, 0,
          new CRC32C().getValue(), new CRC32C().getValue(), false, 0, "");
      Files.deleteIfExists(dir.resolve(ContextCache.CONTEXTS));
      Files.deleteIfExists(dir.resolve(ContextCache.SENTENCES));
      m.write(dir);
    }
    return new ContextCacheWriter(dir, m);
  }

  private static void feed(CRC32C crc, FileChannel ch, long bytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long pos = 0;
    while (pos < bytes) {
      b.clear().limit((int) Math.min(b.capacity(), bytes - pos));
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file at byte " + pos);
      }
      b.flip();
      crc.update(b);
      pos += n;
    }
  }

  /** Sentences written (including those of earlier, interrupted runs). */
  public long sentences() {
    return sentences;
  }

  public Path dir() {
    return dir;
  }

  /** Appends one sentence: its context vector ({@code dim} values, stored as fp16) and its words. */
  public void append(float[] context, List<String> words) throws IOException {
    append(new float[][] {context}, words);
  }

  /**
   * Appends one sentence with its context rows: one, or one per word for a per-word (exclude-target)
   * cache.
   */
  public void append(float[][] contextRows, List<String> words) throws IOException {
    int dim = manifest.dim();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("sentence " + sentences + " has no words");
    }
    int expected = manifest.perWord() ? words.size() : 1;
    if (contextRows.length != expected) {
      throw new IllegalArgumentException("sentence " + sentences + ": " + contextRows.length
          + " context rows, this cache takes " + expected);
    }
    for (float[] context : contextRows) {
      if (context.length != dim) {
        throw new IllegalArgumentException("context has " + context.length + " values, cache width is " + dim);
      }
      if (ctxBuf.remaining() < dim * 2) {
        flushContexts();
      }
      for (float v : context) {
        ctxBuf.putShort(Half.fromFloat(v));
      }
      contextsBytes += dim * 2L;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty() || w.indexOf(' ') >= 0 || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("sentence " + sentences + ": word '" + w
            + "' is empty or holds a space or line break");
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
    }
    byte[] line = (sb.append('\n')).toString().getBytes(StandardCharsets.UTF_8);
    if (txtBuf.remaining() < line.length) {
      flushSentences();
    }
    if (line.length > txtBuf.capacity()) {
      crcSentences.update(line);
      writeFully(sentencesFile, ByteBuffer.wrap(line));
    } else {
      txtBuf.put(line);
    }
    sentencesBytes += line.length;
    sentences++;
  }

  private void flushContexts() throws IOException {
    ctxBuf.flip();
    crcContexts.update(ctxBuf.duplicate());
    writeFully(contexts, ctxBuf);
    ctxBuf.clear();
  }

  private void flushSentences() throws IOException {
    txtBuf.flip();
    crcSentences.update(txtBuf.duplicate());
    writeFully(sentencesFile, txtBuf);
    txtBuf.clear();
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Makes everything appended so far durable and records it in the manifest. */
  public void checkpoint() throws IOException {
    writeManifest(false, "");
  }

  /** Marks the cache complete (after a final checkpoint). */
  public void finish(String corpusStats) throws IOException {
    writeManifest(true, corpusStats);
  }

  private void writeManifest(boolean complete, String stats) throws IOException {
    flushContexts();
    flushSentences();
    contexts.force(false);
    sentencesFile.force(false);
    double seconds = teacherSecondsBefore + (System.nanoTime() - openedNanos) / 1e9;
    manifest = manifest.with(sentences, contextsBytes, sentencesBytes, crcContexts.getValue(),
        crcSentences.getValue(), complete, seconds, stats);
    manifest.write(dir);
  }

  /** Closes the files; the manifest keeps the last checkpoint. */
  @Override
  public void close() throws IOException {
    try {
      contexts.close();
    } finally {
      sentencesFile.close();
    }
  }
}
