package dev.x2s.layerpc.occurrence;

import dev.x2s.teachers.WordStates;
import dev.x2s.vectors.Half;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an occurrence store in place: the file is laid out (sparse) from a {@link StoreLayout}, slots
 * are written in any order by positional writes, and {@link #finish} adds the checksums and renames the
 * work file to its final name. Writing the same slot twice with the same data is harmless, which is what
 * makes a resumed run idempotent: a work file can be reopened with {@link #resume} and slots written
 * after the last checkpoint are simply written again.
 *
 * <p>Memory: one slot's encode buffer; the layout's per-word arrays are the caller's.
 */
public final class OccurrenceStoreWriter implements AutoCloseable {
  private final Path file;
  private final StoreLayout layout;
  private final StoreFormat.Offsets offsets;
  private final long[] bases;
  private final long totalSlots;
  private final FileChannel ch;
  private final ByteBuffer vec;
  private final ByteBuffer slot = ByteBuffer.allocate(StoreFormat.SLOT_BYTES).order(ByteOrder.LITTLE_ENDIAN);

  private OccurrenceStoreWriter(Path file, StoreLayout layout, FileChannel ch) {
    this.file = file;
    this.layout = layout;
    this.offsets = StoreFormat.offsets(layout);
    this.bases = layout.slotBases();
    this.totalSlots = layout.totalSlots();
    this.ch = ch;
    this.vec = ByteBuffer.allocate(2 * layout.dim()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Creates (or truncates) the work file {@code file}: metadata written, every slot marked empty (-1). */
  public static OccurrenceStoreWriter create(Path file, StoreLayout layout) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    OccurrenceStoreWriter w = new OccurrenceStoreWriter(file, layout, ch);
    try {
      StoreFormat.writeFully(ch, StoreFormat.encodeMetadata(layout, w.offsets), 0);
      ByteBuffer empty = ByteBuffer.allocate(StoreFormat.SLOT_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < 4096; i++) {
        empty.putLong(-1L).putInt(-1).putInt(0);
      }
      for (long s = 0; s < w.totalSlots; s += 4096) {
        int n = (int) Math.min(4096, w.totalSlots - s);
        empty.clear().limit(n * StoreFormat.SLOT_BYTES);
        StoreFormat.writeFully(ch, empty, w.offsets.slots() + s * StoreFormat.SLOT_BYTES);
      }
      // sparse vectors; the footer region is written by finish()
      ch.write(ByteBuffer.allocate(1), w.offsets.fileSize() - 1);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return w;
  }

  /** Reopens a work file made by {@link #create} with the same layout, to continue writing slots. */
  public static OccurrenceStoreWriter resume(Path file, StoreLayout layout) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    OccurrenceStoreWriter w = new OccurrenceStoreWriter(file, layout, ch);
    try {
      ByteBuffer expected = StoreFormat.encodeMetadata(layout, w.offsets);
      ByteBuffer actual = ByteBuffer.allocate(expected.capacity());
      StoreFormat.readFully(ch, actual, 0, file);
      if (!actual.equals(expected) || ch.size() != w.offsets.fileSize()) {
        throw new StoreFormatException(file, 0, "work file does not match the run's layout " + layout);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return w;
  }

  public StoreLayout layout() {
    return layout;
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
    long g = bases[word] + k;
    int[] layers = layout.layers();
    float[] data = states.data();
    for (int li = 0; li < layers.length; li++) {
      if (layers[li] >= states.layers()) {
        throw new IllegalArgumentException("states hold layers 0.." + (states.layers() - 1) + ", store needs "
            + layers[li]);
      }
      int o = states.offset(layers[li], wordInStates);
      vec.clear();
      for (int d = 0; d < layout.dim(); d++) {
        vec.putShort(Half.fromFloat(data[o + d]));
      }
      vec.flip();
      StoreFormat.writeFully(ch, vec, offsets.vectors() + 2L * layout.dim() * ((long) li * totalSlots + g));
    }
    slot.clear();
    slot.putLong(sentenceId).putInt(position).putInt(0).flip();
    StoreFormat.writeFully(ch, slot, offsets.slots() + g * StoreFormat.SLOT_BYTES);
  }

  /** Forces written slots to disk (for checkpoints). */
  public void force() throws IOException {
    ch.force(false);
  }

  /**
   * Checks every slot was written, writes the footer (checksums), forces the file and renames it to
   * {@code target} atomically. The writer is closed afterwards.
   */
  public void finish(Path target) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(StoreFormat.SLOT_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
    for (long s = 0; s < totalSlots; s += 4096) {
      int n = (int) Math.min(4096, totalSlots - s);
      b.clear().limit(n * StoreFormat.SLOT_BYTES);
      StoreFormat.readFully(ch, b, offsets.slots() + s * StoreFormat.SLOT_BYTES, file);
      for (int i = 0; i < n; i++) {
        if (b.getLong(i * StoreFormat.SLOT_BYTES) < 0) {
          throw new IllegalStateException(file + ": slot " + (s + i) + " was never written");
        }
      }
    }
    int metaCrc = StoreFormat.crc(ch, 0, offsets.vectors());
    int vecCrc = StoreFormat.crc(ch, offsets.vectors(), offsets.footer());
    ByteBuffer f = ByteBuffer.allocate(StoreFormat.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    f.putInt(metaCrc).putInt(vecCrc).putLong(offsets.footer()).put(StoreFormat.END_MAGIC).flip();
    StoreFormat.writeFully(ch, f, offsets.footer());
    ch.force(true);
    ch.close();
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot atomically rename " + file + " to " + target, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (ch.isOpen()) {
      ch.close();
    }
  }
}
