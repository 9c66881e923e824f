package dev.x2s.layerpc.occurrence;

import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a finished occurrence store ({@code .x2o} directory, format in {@link OccurrenceFormat} and the
 * layerpc README): per word its sampled contextual vectors at every stored layer, each with the
 * (sentence id, position) it came from. Vectors are memory-mapped (fp16 on disk, returned as float); the
 * word table and the keys are read into memory ({@code 16} bytes per slot plus the words).
 *
 * <p>{@link #open} checks the manifest, the file sizes and the checksums of the word table and keys as it
 * reads them; {@link #verifyVectors} checks the vectors' checksums (reads the whole store). Thread-safe
 * for reading.
 */
public final class OccurrenceStore implements AutoCloseable {
  private final RowStore store;
  private final StoreLayout layout;
  private final long[] bases;
  private final long totalSlots;
  private final long[] sentenceIds;
  private final int[] positions;
  private final int[] rowOf;
  private final Map<String, Integer> index;

  private OccurrenceStore(RowStore store) throws IOException {
    this.store = store;
    Path dir = store.dir();
    if (!store.complete()) {
      throw new RowStoreException(dir, "an unfinished occurrence store (being written, or its run was interrupted:"
          + " rerun the same x2s pc command to finish it)");
    }
    this.layout = OccurrenceFormat.layout(store);
    this.bases = layout.slotBases();
    this.totalSlots = layout.totalSlots();
    Path keys = dir.resolve(OccurrenceFormat.KEYS);
    if (totalSlots > Integer.MAX_VALUE) {
      throw new RowStoreException(keys, "more than 2^31 slots are not supported");
    }
    if (store.rows() != totalSlots) {
      throw new RowStoreException(keys, store.rows() + " rows for " + totalSlots + " slots");
    }
    int n = (int) totalSlots;
    this.sentenceIds = new long[n];
    this.positions = new int[n];
    this.rowOf = new int[n];
    // as many rows as slots, each slot once (checked): every slot is mapped
    OccurrenceFormat.readKeys(store, totalSlots, (row, sentence, position, slot) -> {
      sentenceIds[slot] = sentence;
      positions[slot] = position;
      rowOf[slot] = row;
    });
    this.index = new HashMap<>(layout.words().length * 2);
    for (int i = 0; i < layout.words().length; i++) {
      if (index.put(layout.words()[i], i) != null) {
        throw new RowStoreException(dir.resolve(OccurrenceFormat.WORDS), "word '" + layout.words()[i] + "' appears twice");
      }
    }
  }

  /** Opens a finished store and checks its manifest, word table and keys. */
  public static OccurrenceStore open(Path dir) throws IOException {
    RowStore store = RowStore.open(dir);
    try {
      return new OccurrenceStore(store);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The run the store at {@code dir} records (see {@link OccurrenceStoreWriter#create}), or null. */
  public static String run(Path dir) {
    return OccurrenceFormat.run(dir);
  }

  /** Reads every vector byte and compares with the chunk checksums. */
  public void verifyVectors() throws IOException {
    store.verify();
  }

  /** The store's directory. */
  public Path file() {
    return store.dir();
  }

  /** Words, layers, slot counts, occurrence and context counts. */
  public StoreLayout layout() {
    return layout;
  }

  public int dim() {
    return layout.dim();
  }

  /** The model layer numbers stored, increasing. */
  public int[] layers() {
    return layout.layers().clone();
  }

  public int wordCount() {
    return layout.words().length;
  }

  public String word(int w) {
    return layout.words()[w];
  }

  /** Index of {@code word}, or -1. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** Sampled occurrences of word {@code w}. */
  public int slotCount(int w) {
    return layout.slotCounts()[w];
  }

  /** Occurrences of word {@code w} in the corpus (all, not only the sample). */
  public long occurrences(int w) {
    return layout.occurrences()[w];
  }

  /** Distinct sentences holding word {@code w}. */
  public long contexts(int w) {
    return layout.contexts()[w];
  }

  /** First global slot of word {@code w}; its slots are {@code slotBase(w) .. slotBase(w)+slotCount(w)-1}. */
  public long slotBase(int w) {
    return bases[w];
  }

  public long totalSlots() {
    return totalSlots;
  }

  /** Sentence id of global slot {@code s} (slots of a word are in increasing (sentence, position) order). */
  public long sentenceId(long s) {
    return sentenceIds[Math.toIntExact(s)];
  }

  /** Word position within its sentence of global slot {@code s}. */
  public int position(long s) {
    return positions[Math.toIntExact(s)];
  }

  /**
   * Every global slot ordered by (sentence id, position): slots of one sentence are adjacent, which is
   * what intra-sentence metrics iterate over. A new array on each call ({@code 4} bytes per slot).
   */
  public int[] slotsInSentenceOrder() {
    Integer[] order = new Integer[(int) totalSlots];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> sentenceIds[a] != sentenceIds[b] ? Long.compare(sentenceIds[a], sentenceIds[b])
        : Integer.compare(positions[a], positions[b]));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /** Copies the vector of global slot {@code s} at model layer {@code layer} into {@code dst[off..off+dim)}. */
  public void vector(long s, int layer, float[] dst, int off) {
    int li = layerIndexOrThrow(layer);
    if (s < 0 || s >= totalSlots) {
      throw new IndexOutOfBoundsException("slot " + s + " of " + totalSlots);
    }
    store.read(rowOf[(int) s], li * layout.dim(), layout.dim(), dst, off);
  }

  /** Word {@code w}'s sampled vectors at model layer {@code layer}, row-major {@code slotCount × dim}. */
  public float[] matrix(int w, int layer) {
    int n = slotCount(w);
    int dim = layout.dim();
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      vector(bases[w] + i, layer, m, i * dim);
    }
    return m;
  }

  /** Word {@code w}'s sampled vectors at model layer {@code layer}, one array per occurrence. */
  public float[][] vectors(int w, int layer) {
    int n = slotCount(w);
    float[][] m = new float[n][layout.dim()];
    for (int i = 0; i < n; i++) {
      vector(bases[w] + i, layer, m[i], 0);
    }
    return m;
  }

  /** {@link #vectors(int, int)} by word; throws if the word is absent. */
  public float[][] vectors(String word, int layer) {
    int w = indexOf(word);
    if (w < 0) {
      throw new IllegalArgumentException("word '" + word + "' is not in " + store.dir());
    }
    return vectors(w, layer);
  }

  private int layerIndexOrThrow(int layer) {
    int li = layout.layerIndex(layer);
    if (li < 0) {
      throw new IllegalArgumentException("layer " + layer + " is not stored in " + store.dir() + " (layers "
          + Arrays.toString(layout.layers()) + ")");
    }
    return li;
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
