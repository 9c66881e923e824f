package dev.x2s.layerpc.occurrence;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreManifest;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How an occurrence store sits on a row store (the layerpc README, "Occurrence store", has the table):
 *
 * <ul>
 *   <li>rows ({@code rows.f16}): one per sampled occurrence in the order the teacher met them, the
 *       occurrence's vector at every stored layer ({@code layers × dim} values, layer-major);
 *   <li>{@code keys.bin}: per row, little-endian {sentence id int64, word position int32, global slot int32};
 *   <li>{@code words.tsv}: per word, {@code word TAB slots TAB occurrences TAB contexts LF}, in table order;
 *   <li>{@code meta}: format, version, dim, layers, the run that made it and, while it is written, the
 *       pass's {@link Checkpoint}.
 * </ul>
 *
 * Rows go in encounter order because a row store only appends: that is what makes a killed run resume
 * to identical bytes; the reader maps slots to rows through the keys.
 */
final class OccurrenceFormat {
  static final String FORMAT = "x2s-occurrences";
  /** 2: on the row store (1 was the single-file {@code X2SOCCUR} layout). */
  static final int VERSION = 2;
  static final String WORDS = "words.tsv";
  static final String KEYS = "keys.bin";
  static final int KEY_BYTES = 16;

  private OccurrenceFormat() {}

  /** The store's {@code meta}; {@code ck} is null for a finished store. */
  static JsonObject meta(StoreLayout layout, String run, Checkpoint ck) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("dim", layout.dim());
    JsonArray layers = new JsonArray();
    for (int l : layout.layers()) {
      layers.add(l);
    }
    o.add("layers", layers);
    o.addProperty("words", layout.words().length);
    o.addProperty("slots", layout.totalSlots());
    o.addProperty("run", run);
    if (ck != null) {
      o.add("checkpoint", ck.toJson());
    }
    return o;
  }

  /** The word table, one TSV line per word. */
  static byte[] wordTable(StoreLayout layout) {
    StringBuilder sb = new StringBuilder();
    String[] words = layout.words();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty() || w.indexOf('\t') >= 0 || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("word " + i + " '" + w + "' is empty or holds a tab or line break");
      }
      sb.append(w).append('\t').append(layout.slotCounts()[i]).append('\t').append(layout.occurrences()[i])
          .append('\t').append(layout.contexts()[i]).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The run a store records, or null when {@code dir} holds no readable store of this format. */
  static String run(Path dir) {
    try {
      return RowStoreManifest.read(dir).meta(dir, FORMAT, VERSION).get("run").getAsString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Receives the key of each committed row. */
  @FunctionalInterface
  interface KeyVisitor {
    void accept(int row, long sentenceId, int position, int slot);
  }

  /** Reads the keys of the committed rows; every slot must be below {@code slots} and come once. */
  static void readKeys(RowStore store, long slots, KeyVisitor visitor) throws IOException {
    Path file = store.dir().resolve(KEYS);
    long rows = store.rows();
    if (store.streamBytes(KEYS) != rows * KEY_BYTES || rows > slots) {
      throw new RowStoreException(file, store.streamBytes(KEYS) + " bytes of keys for " + rows + " rows of " + slots
          + " slots");
    }
    BitSet seen = new BitSet((int) rows);
    byte[] buf = new byte[KEY_BYTES * 4096];
    ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    try (InputStream in = store.stream(KEYS)) {
      for (int r = 0; r < rows; ) {
        int n = (int) Math.min(4096, rows - r);
        if (in.readNBytes(buf, 0, n * KEY_BYTES) != n * KEY_BYTES) {
          throw new RowStoreException(file, (long) r * KEY_BYTES, "keys end early");
        }
        b.clear();
        for (int i = 0; i < n; i++, r++) {
          long sentence = b.getLong();
          int position = b.getInt();
          long slot = b.getInt() & 0xffffffffL;
          if (slot >= slots || seen.get((int) slot)) {
            throw new RowStoreException(file, (long) r * KEY_BYTES, "row " + r + ": slot " + slot
                + (slot >= slots ? " out of range" : " stored twice"));
          }
          seen.set((int) slot);
          visitor.accept(r, sentence, position, (int) slot);
        }
      }
    }
  }

  /** The layout a store holds, from its {@code meta} and word table; errors name the file at fault. */
  static StoreLayout layout(RowStore store) throws IOException {
    Path manifest = store.dir().resolve(RowStore.MANIFEST);
    JsonObject o = store.manifest().meta(store.dir(), FORMAT, VERSION);
    int dim;
    int[] layers;
    try {
      dim = o.get("dim").getAsInt();
      JsonArray a = o.getAsJsonArray("layers");
      layers = new int[a.size()];
      for (int i = 0; i < layers.length; i++) {
        layers[i] = a.get(i).getAsInt();
      }
    } catch (RuntimeException e) {
      throw new RowStoreException(manifest, "missing or malformed field: " + e);
    }
    if (store.manifest().dtype() != Dtype.FP16 || store.width() != (long) dim * layers.length) {
      throw new RowStoreException(manifest, store.manifest().dtype() + " rows of " + store.width() + " values, not fp16 "
          + layers.length + " layers × " + dim);
    }
    Path file = store.dir().resolve(WORDS);
    byte[] table;
    try (InputStream in = store.stream(WORDS)) {
      table = in.readAllBytes();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(table)).toString();
    } catch (CharacterCodingException e) {
      throw new RowStoreException(file, "malformed UTF-8");
    }
    List<String> words = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    long at = 0;
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue; // the end of the last line
      }
      String[] f = line.split("\t", -1);
      try {
        if (f.length != 4 || f[0].isEmpty()) {
          throw new NumberFormatException(f.length + " fields");
        }
        counts.add(new long[] {Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
      } catch (NumberFormatException e) {
        throw new RowStoreException(file, at, "word " + words.size() + ": not 'word TAB slots TAB occurrences TAB"
            + " contexts' (" + e.getMessage() + ")");
      }
      words.add(f[0]);
      at += line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    int n = words.size();
    int[] slots = new int[n];
    long[] occ = new long[n];
    long[] ctx = new long[n];
    for (int i = 0; i < n; i++) {
      slots[i] = (int) counts.get(i)[0];
      occ[i] = counts.get(i)[1];
      ctx[i] = counts.get(i)[2];
    }
    try {
      return new StoreLayout(dim, layers, words.toArray(new String[0]), slots, occ, ctx);
    } catch (IllegalArgumentException e) {
      throw new RowStoreException(file, e.getMessage());
    }
  }
}
