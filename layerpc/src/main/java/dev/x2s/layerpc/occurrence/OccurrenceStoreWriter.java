package dev.x2s.layerpc.occurrence;

import com.google.gson.JsonObject;
import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreManifest;
import dev.x2s.jobs.store.RowStoreWriter;
import dev.x2s.teachers.WordStates;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.List;

/**
 * Writes an occurrence store (format in {@link OccurrenceFormat}) under a work name: slots may come in any
 * order, each appended as a row with its key; {@link #commit} makes them durable together with the
 * pass's {@link Checkpoint}, and {@link #finish} checks that every slot was written, completes the store
 * and renames it to its final name. A killed run is reopened with {@link #resume}: the store is cut back
 * to the last commit and the slots after it are written again, giving identical bytes.
 *
 * <p>Memory: one row's buffer and one bit per slot.
 */
public final class OccurrenceStoreWriter implements AutoCloseable {
  private final Path dir;
  private final StoreLayout layout;
  private final String run;
  private final long[] bases;
  private final long totalSlots;
  private final RowStoreWriter store; // null when the store is complete and only awaits its rename
  private final BitSet written;
  private final int[] filled;
  private final float[] row;
  private final ByteBuffer key = ByteBuffer.allocate(OccurrenceFormat.KEY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private Checkpoint committed;

  private OccurrenceStoreWriter(Path dir, StoreLayout layout, String run, RowStoreWriter store, Checkpoint committed) {
    this.dir = dir;
    this.layout = layout;
    this.run = run;
    this.bases = layout.slotBases();
    this.totalSlots = layout.totalSlots();
    if (totalSlots > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31 slots are not supported: " + layout);
    }
    this.store = store;
    this.written = new BitSet((int) totalSlots);
    this.filled = new int[layout.words().length];
    this.row = new float[layout.layers().length * layout.dim()];
    this.committed = committed;
  }

  /** Bytes a finished store of this layout takes (rows, keys, word table; the manifest is small). */
  public static long bytes(StoreLayout layout) {
    return layout.totalSlots() * (2L * layout.dim() * layout.layers().length + OccurrenceFormat.KEY_BYTES)
        + OccurrenceFormat.wordTable(layout).length;
  }

  /** Starts a new store in {@code dir} (replacing whatever is there) for a caller without runs (tests, tools). */
  public static OccurrenceStoreWriter create(Path dir, StoreLayout layout) throws IOException {
    return create(dir, layout, "");
  }

  /**
   * Starts a new store in {@code dir}, replacing whatever is there (a store of another run, or of an older
   * format).
   *
   * @param run what made the store (e.g. the run's settings fingerprint); a resume must name the same
   */
  public static OccurrenceStoreWriter create(Path dir, StoreLayout layout, String run) throws IOException {
    RowStore.delete(dir);
    Checkpoint start = new Checkpoint(0, 0, 0, 0, new int[layout.words().length], false);
    RowStoreWriter w = RowStoreWriter.create(dir, Dtype.FP16, layout.layers().length * layout.dim(),
        List.of(OccurrenceFormat.WORDS, OccurrenceFormat.KEYS), OccurrenceFormat.meta(layout, run, start));
    try {
      w.write(OccurrenceFormat.WORDS, OccurrenceFormat.wordTable(layout));
      w.commit(OccurrenceFormat.meta(layout, run, start));
      return new OccurrenceStoreWriter(dir, layout, run, w, start);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /** {@link #resume(Path, StoreLayout, String)} for a store made without a run. */
  public static OccurrenceStoreWriter resume(Path dir, StoreLayout layout) throws IOException {
    return resume(dir, layout, "");
  }

  /**
   * Reopens the store an interrupted writer left in {@code dir} at its last commit.
   *
   * @throws RowStoreException when it is of another run or layout, or damaged
   */
  public static OccurrenceStoreWriter resume(Path dir, StoreLayout layout, String run) throws IOException {
    if (!run.equals(OccurrenceFormat.run(dir))) {
      throw new RowStoreException(dir, "not a store of this run to resume (" + OccurrenceFormat.run(dir) + ")");
    }
    boolean complete = RowStoreManifest.read(dir).complete();
    RowStoreWriter w = complete ? null : RowStoreWriter.resume(dir);
    try (RowStore r = RowStore.open(dir)) {
      StoreLayout stored = OccurrenceFormat.layout(r);
      if (!stored.equals(layout)) {
        throw new RowStoreException(dir, "holds " + stored + ", the run's layout is " + layout);
      }
      if (complete) {
        return new OccurrenceStoreWriter(dir, layout, run, null,
            new Checkpoint(Checkpoint.FINAL, 0, 0, 0, layout.slotCounts().clone(), true));
      }
      OccurrenceStoreWriter ow = new OccurrenceStoreWriter(dir, layout, run, w, null);
      OccurrenceFormat.readKeys(r, ow.totalSlots, (row, sentence, position, slot) -> ow.mark(slot));
      JsonObject ck = r.meta().getAsJsonObject("checkpoint");
      ow.committed = Checkpoint.fromJson(ck, ow.filled.clone());
      return ow;
    } catch (IOException | RuntimeException e) {
      if (w != null) {
        w.close();
      }
      throw e;
    }
  }

  /** Resumes the store of {@code run} in {@code dir} when there is one, else starts a new one there. */
  public static OccurrenceStoreWriter open(Path dir, StoreLayout layout, String run) throws IOException {
    return run.equals(OccurrenceFormat.run(dir)) ? resume(dir, layout, run) : create(dir, layout, run);
  }

  /** The pass's state of the last commit of the store in {@code dir}, or null when it holds none. */
  public static Checkpoint lastCheckpoint(Path dir) throws IOException {
    JsonObject ck = RowStoreManifest.read(dir).meta().getAsJsonObject("checkpoint");
    return ck == null ? null : Checkpoint.fromJson(ck, null);
  }

  /** Marks a committed row's slot written, and counts it for its word (the last whose base is <= slot). */
  private void mark(int slot) {
    written.set(slot);
    int w = java.util.Arrays.binarySearch(bases, slot);
    if (w < 0) {
      w = -w - 2;
    } else {
      while (bases[w + 1] == slot) {
        w++; // words without slots share the base of the next word
      }
    }
    filled[w]++;
  }

  public StoreLayout layout() {
    return layout;
  }

  /** The pass's state at the last commit, with each word's slots written by then. */
  public Checkpoint checkpoint() {
    return committed;
  }

  /**
   * Writes one sampled occurrence.
   *
   * @param word word index in the layout
   * @param k the occurrence's slot within the word, {@code 0 <= k < slotCount(word)}
   * @param sentenceId the sentence's id in the corpus stream
   * @param position the word's position in the sentence
   * @param states the sentence's vectors; must hold every stored layer
   * @param wordInStates the word's index in {@code states} (usually {@code position})
   */
  public void put(int word, int k, long sentenceId, int position, WordStates states, int wordInStates)
      throws IOException {
    if (k < 0 || k >= layout.slotCounts()[word]) {
      throw new IndexOutOfBoundsException("slot " + k + " of word " + layout.words()[word] + " ("
          + layout.slotCounts()[word] + " slots)");
    }
    if (states.dim() != layout.dim()) {
      throw new IllegalArgumentException("states have dim " + states.dim() + ", store " + layout.dim());
    }
    int[] layers = layout.layers();
    int dim = layout.dim();
    float[] r = new float[layers.length * dim];
    for (int li = 0; li < layers.length; li++) {
      if (layers[li] >= states.layers()) {
        throw new IllegalArgumentException("states hold layers 0.." + (states.layers() - 1) + ", store needs "
            + layers[li]);
      }
      System.arraycopy(states.data(), states.offset(layers[li], wordInStates), r, li * dim, dim);
    }
    put(word, k, sentenceId, position, r);
  }

  /**
   * Writes one sampled occurrence from its vectors at the stored layers, one after another
   * ({@code layers × dim} values).
   */
  public void put(int word, int k, long sentenceId, int position, float[] vectors) throws IOException {
    if (k < 0 || k >= layout.slotCounts()[word]) {
      throw new IndexOutOfBoundsException("slot " + k + " of word " + layout.words()[word] + " ("
          + layout.slotCounts()[word] + " slots)");
    }
    if (vectors.length != row.length) {
      throw new IllegalArgumentException(vectors.length + " values for an occurrence, store needs " + row.length);
    }
    int g = (int) (bases[word] + k);
    if (written.get(g)) {
      throw new IllegalStateException("slot " + k + " of word " + layout.words()[word] + " written twice");
    }
    store.append(vectors);
    key.clear();
    key.putLong(sentenceId).putInt(position).putInt(g);
    store.write(OccurrenceFormat.KEYS, key.array());
    written.set(g);
    filled[word]++;
  }

  /** Makes the slots written so far durable, together with the pass's state {@code ck}. */
  public void commit(Checkpoint ck) throws IOException {
    store.commit(OccurrenceFormat.meta(layout, run, ck));
    committed = ck;
  }

  /**
   * Checks every slot was written, completes the store and renames it to {@code target} (replacing what
   * is there). The writer is closed afterwards.
   */
  public void finish(Path target) throws IOException {
    if (store != null) {
      int missing = written.nextClearBit(0);
      if (missing < totalSlots) {
        throw new IllegalStateException(dir + ": slot " + missing + " was never written");
      }
      store.finish(OccurrenceFormat.meta(layout, run, null)); // no checkpoint: same bytes however the pass went
    }
    RowStore.delete(target);
    try {
      Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot atomically rename " + dir + " to " + target, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (store != null) {
      store.close();
    }
  }
}
