package dev.x2s.layerpc.occurrence;

import dev.x2s.vectors.Half;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an occurrence store ({@code .x2o}, format in {@link StoreFormat} and the distill README): per word
 * its sampled contextual vectors at every stored layer, each with the (sentence id, position) it came
 * from. Vectors are memory-mapped (fp16 on disk, returned as float); the word and slot tables are read
 * into memory ({@code 12} bytes per slot plus the words).
 *
 * <p>{@link #open} checks the header, the footer and the checksum of the metadata (header, word and
 * slot tables); {@link #verifyVectors} checks the vectors' checksum (reads the whole file). Thread-safe
 * for reading.
 */
public final class OccurrenceStore implements AutoCloseable {
  private final Path file;
  private final FileChannel ch;
  private final StoreLayout layout;
  private final long[] bases;
  private final long totalSlots;
  private final long[] sentenceIds;
  private final int[] positions;
  private final Map<String, Integer> index;
  private final StoreFormat.Offsets offsets;
  private final int vectorCrc;
  private final MappedByteBuffer[] segments;
  private final long rowsPerSegment;

  private OccurrenceStore(Path file, FileChannel ch) throws IOException {
    this.file = file;
    this.ch = ch;
    long size = ch.size();
    if (size < StoreFormat.HEADER_BYTES + StoreFormat.FOOTER_BYTES) {
      throw new StoreFormatException(file, 0, "too short for an occurrence store (" + size + " bytes)");
    }
    ByteBuffer h = ByteBuffer.allocate(StoreFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    StoreFormat.readFully(ch, h, 0, file);
    byte[] magic = new byte[8];
    h.get(magic);
    if (!Arrays.equals(magic, StoreFormat.MAGIC)) {
      throw new StoreFormatException(file, 0, "not an occurrence store (magic " + new String(magic,
          StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "?") + ")");
    }
    int version = h.getInt();
    if (version != StoreFormat.VERSION) {
      throw new StoreFormatException(file, 8, "unsupported version " + version);
    }
    int dim = h.getInt();
    int nLayers = h.getInt();
    int nWords = h.getInt();
    long slots = h.getLong();
    long slotsOff = h.getLong();
    long vecOff = h.getLong();
    long footOff = h.getLong();
    if (dim < 1 || nLayers < 1 || nWords < 0 || slots < 0 || footOff + StoreFormat.FOOTER_BYTES != size
        || vecOff + 2L * dim * nLayers * slots != footOff || slotsOff > vecOff || slotsOff > Integer.MAX_VALUE) {
      throw new StoreFormatException(file, 12, "inconsistent header (dim " + dim + ", layers " + nLayers
          + ", words " + nWords + ", slots " + slots + ", file size " + size + "): truncated or corrupt");
    }
    ByteBuffer foot = ByteBuffer.allocate(StoreFormat.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    StoreFormat.readFully(ch, foot, footOff, file);
    int metaCrc = foot.getInt();
    this.vectorCrc = foot.getInt();
    long footAgain = foot.getLong();
    foot.get(magic);
    if (footAgain != footOff || !Arrays.equals(magic, StoreFormat.END_MAGIC)) {
      throw new StoreFormatException(file, footOff, "bad footer (unfinished or truncated store)");
    }
    int actual = StoreFormat.crc(ch, 0, vecOff);
    if (actual != metaCrc) {
      throw new StoreFormatException(file, 0, String.format(
          "metadata checksum mismatch (stored %08x, computed %08x)", metaCrc, actual));
    }
    ByteBuffer meta = ByteBuffer.allocate((int) slotsOff).order(ByteOrder.LITTLE_ENDIAN);
    StoreFormat.readFully(ch, meta, 0, file);
    meta.position(StoreFormat.HEADER_BYTES);
    int[] layers = new int[nLayers];
    for (int i = 0; i < nLayers; i++) {
      layers[i] = meta.getInt();
    }
    String[] words = new String[nWords];
    int[] slotCounts = new int[nWords];
    long[] occ = new long[nWords];
    long[] ctx = new long[nWords];
    var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 0; i < nWords; i++) {
      int at = meta.position();
      slotCounts[i] = meta.getInt();
      occ[i] = meta.getLong();
      ctx[i] = meta.getLong();
      int n = meta.getInt();
      if (n < 0 || n > meta.remaining()) {
        throw new StoreFormatException(file, at, "word " + i + ": bad length " + n);
      }
      ByteBuffer u = meta.slice(meta.position(), n);
      meta.position(meta.position() + n);
      try {
        words[i] = dec.decode(u).toString();
      } catch (CharacterCodingException e) {
        throw new StoreFormatException(file, at, "word " + i + ": malformed UTF-8");
      }
    }
    try {
      this.layout = new StoreLayout(dim, layers, words, slotCounts, occ, ctx);
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, StoreFormat.HEADER_BYTES, e.getMessage());
    }
    this.offsets = StoreFormat.offsets(layout);
    if (offsets.slots() != slotsOff || offsets.vectors() != vecOff || layout.totalSlots() != slots) {
      throw new StoreFormatException(file, 32, "section offsets do not match the tables");
    }
    this.bases = layout.slotBases();
    this.totalSlots = slots;
    if (slots > Integer.MAX_VALUE) {
      throw new StoreFormatException(file, 24, "more than 2^31 slots are not supported");
    }
    this.sentenceIds = new long[(int) slots];
    this.positions = new int[(int) slots];
    ByteBuffer b = ByteBuffer.allocate(StoreFormat.SLOT_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
    for (long s = 0; s < slots; s += 4096) {
      int n = (int) Math.min(4096, slots - s);
      b.clear().limit(n * StoreFormat.SLOT_BYTES);
      StoreFormat.readFully(ch, b, slotsOff + s * StoreFormat.SLOT_BYTES, file);
      for (int i = 0; i < n; i++) {
        sentenceIds[(int) (s + i)] = b.getLong();
        positions[(int) (s + i)] = b.getInt();
        b.getInt();
      }
    }
    this.index = new HashMap<>(nWords * 2);
    for (int i = 0; i < nWords; i++) {
      if (index.put(words[i], i) != null) {
        throw new StoreFormatException(file, StoreFormat.HEADER_BYTES, "word '" + words[i] + "' appears twice");
      }
    }
    // vectors: rows of dim halves, mapped in segments of at most 1 GiB of whole rows
    long rowBytes = 2L * dim;
    long rows = slots * nLayers;
    this.rowsPerSegment = Math.max(1, (1L << 30) / rowBytes);
    int nSeg = (int) ((rows + rowsPerSegment - 1) / rowsPerSegment);
    this.segments = new MappedByteBuffer[nSeg];
    for (int i = 0; i < nSeg; i++) {
      long r0 = i * rowsPerSegment;
      long n = Math.min(rowsPerSegment, rows - r0);
      segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, vecOff + r0 * rowBytes, n * rowBytes);
      segments[i].order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** Opens a store and checks its header, footer and metadata checksum. */
  public static OccurrenceStore open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new OccurrenceStore(file, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Reads every vector byte and compares with the footer's checksum. */
  public void verifyVectors() throws IOException {
    int actual = StoreFormat.crc(ch, offsets.vectors(), offsets.footer());
    if (actual != vectorCrc) {
      throw new StoreFormatException(file, offsets.vectors(), String.format(
          "vector checksum mismatch (stored %08x, computed %08x)", vectorCrc, actual));
    }
  }

  public Path file() {
    return file;
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
    long row = li * totalSlots + s;
    MappedByteBuffer seg = segments[(int) (row / rowsPerSegment)];
    int p = (int) ((row % rowsPerSegment) * 2L * layout.dim());
    for (int d = 0; d < layout.dim(); d++) {
      dst[off + d] = Half.toFloat(seg.getShort(p + 2 * d));
    }
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
      throw new IllegalArgumentException("word '" + word + "' is not in " + file);
    }
    return vectors(w, layer);
  }

  private int layerIndexOrThrow(int layer) {
    int li = layout.layerIndex(layer);
    if (li < 0) {
      throw new IllegalArgumentException("layer " + layer + " is not stored in " + file + " (layers "
          + Arrays.toString(layout.layers()) + ")");
    }
    return li;
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
