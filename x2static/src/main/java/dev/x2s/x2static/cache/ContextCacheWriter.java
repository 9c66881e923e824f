package dev.x2s.x2static.cache;

import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreWriter;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Appends sentences and their context vectors to a cache directory, with resumable checkpoints: a
 * {@link RowStoreWriter} whose rows are the contexts and whose {@code sentences.txt} stream holds the words.
 *
 * <p>{@link #checkpoint()} is a row-store commit, so the manifest always describes a durable prefix.
 * Opening a partial cache truncates the files to the last commit (dropping whatever an interrupted run
 * wrote after it), verifies what remains, and continues from {@link #sentences()}. {@link #close()}
 * without {@link #finish} keeps the last checkpoint, which is what an interrupted run leaves.
 */
public final class ContextCacheWriter implements AutoCloseable {
  private final RowStoreWriter store;
  private final long openedNanos = System.nanoTime();
  private final CacheManifest manifest;
  private long sentences;

  private ContextCacheWriter(RowStoreWriter store, CacheManifest manifest) {
    this.store = store;
    this.manifest = manifest;
    this.sentences = manifest.sentences();
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
    if (Files.isRegularFile(dir.resolve(ContextCache.MANIFEST))) {
      CacheManifest m = CacheManifest.read(dir);
      Map<String, String> diff = m.identity().differences(identity);
      if (!diff.isEmpty()) {
        throw new RowStoreException(dir, "cache of another corpus/teacher/setting (cache vs run): " + diff);
      }
      if (m.complete()) {
        throw new RowStoreException(dir, "already complete");
      }
      if (m.dim() != dim) {
        throw new RowStoreException(dir, "cache width " + m.dim() + " but teacher " + identity.teacherId()
            + " has width " + dim);
      }
      RowStoreWriter w = RowStoreWriter.resume(dir);
      return new ContextCacheWriter(w, CacheManifest.of(w.committed(), dir));
    }
    CacheManifest m = new CacheManifest(identity, teacherFamily, teacherLayers, teacherSource, dim, corpusPath, 0, 0,
        false, 0, "");
    return new ContextCacheWriter(
        RowStoreWriter.create(dir, Dtype.FP16, dim, List.of(ContextCache.SENTENCES), m.toMeta()), m);
  }

  /** Sentences written (including those of earlier, interrupted runs). */
  public long sentences() {
    return sentences;
  }

  public Path dir() {
    return store.dir();
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
    for (float[] context : contextRows) {
      if (context.length != dim) {
        throw new IllegalArgumentException("context has " + context.length + " values, cache width is " + dim);
      }
    }
    for (float[] context : contextRows) {
      store.append(context);
    }
    store.write(ContextCache.SENTENCES, sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    sentences++;
  }

  /** Makes everything appended so far durable and records it in the manifest. */
  public void checkpoint() throws IOException {
    store.commit(next(false, "").toMeta());
  }

  /** Marks the cache complete (after a final checkpoint). */
  public void finish(String corpusStats) throws IOException {
    store.finish(next(true, corpusStats).toMeta());
  }

  private CacheManifest next(boolean complete, String stats) {
    double seconds = manifest.teacherSeconds() + (System.nanoTime() - openedNanos) / 1e9;
    return manifest.with(sentences, store.rows(), complete, seconds, stats);
  }

  /** Closes the files; the manifest keeps the last checkpoint. */
  @Override
  public void close() throws IOException {
    store.close();
  }
}
