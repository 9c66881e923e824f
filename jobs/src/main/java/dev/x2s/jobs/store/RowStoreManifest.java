package dev.x2s.jobs.store;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.vectors.AtomicFiles;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of a row store: the last commit. It records the row type, how many rows and how
 * many bytes of every file are committed with their chunk checksums, whether the store is complete, and
 * the owner's {@code meta} object. It is replaced atomically only after the data it describes has been
 * forced to disk, so whatever a reader finds in it describes a durable prefix of the files; and since
 * the owner's state travels in the same file, rows and state can never disagree after a crash.
 *
 * @param dtype fp16 or fp32, little-endian
 * @param width values per row
 * @param rows committed rows
 * @param chunkBytes checksum granularity
 * @param complete whether the writer finished (no more rows will come; file sizes are exact)
 * @param files committed bytes and checksums per file name, the rows file first
 * @param meta the owner's JSON (identity, progress, ...), opaque to the store
 */
public record RowStoreManifest(Dtype dtype, int width, long rows, long chunkBytes, boolean complete,
    Map<String, FileChecksums> files, JsonObject meta) {
  public static final String FORMAT = "x2s-rows";
  /** Bump when the layout of the files or of this manifest changes; older stores are then refused. */
  public static final int VERSION = 1;

  public RowStoreManifest {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    meta = meta.deepCopy();
  }

  @Override
  public JsonObject meta() {
    return meta.deepCopy();
  }

  /**
   * The owner's {@code meta}, checked to declare the owner's {@code format} and {@code version}: each owner
   * versions its own use of the rows and streams, as the store versions the files.
   *
   * @param dir the store, for the error message
   * @throws RowStoreException naming the manifest when the store belongs to another owner or version
   */
  public JsonObject meta(Path dir, String format, int version) throws RowStoreException {
    JsonElement f = meta.get("format");
    JsonElement v = meta.get("version");
    boolean ok;
    try {
      ok = f != null && format.equals(f.getAsString()) && v != null && v.getAsInt() == version;
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new RowStoreException(dir.resolve(RowStore.MANIFEST), "a row store of " + f + " version " + v + ", not "
          + format + " version " + version + " (written by another x2s version: delete it to rebuild)");
    }
    return meta.deepCopy();
  }

  /** Bytes per row. */
  public long rowBytes() {
    return (long) width * bytesPerValue(dtype);
  }

  /** Name of the rows file ({@code rows.f16} or {@code rows.f32}). */
  public String rowsFile() {
    return RowStore.rowsFile(dtype);
  }

  static int bytesPerValue(Dtype dtype) {
    return switch (dtype) {
      case FP16 -> 2;
      case FP32 -> 4;
      default -> throw new IllegalArgumentException("a row store holds fp16 or fp32 rows, not " + dtype);
    };
  }

  /** The same store with another commit. */
  RowStoreManifest with(long rows, boolean complete, Map<String, FileChecksums> files, JsonObject meta) {
    return new RowStoreManifest(dtype, width, rows, chunkBytes, complete, files, meta);
  }

  /** Writes {@code dir/manifest.json} atomically (temp file, force, rename). */
  void write(Path dir) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("version", VERSION);
    o.addProperty("dtype", dtype.name().toLowerCase(java.util.Locale.ROOT));
    o.addProperty("byte_order", "little-endian");
    o.addProperty("width", width);
    o.addProperty("rows", rows);
    o.addProperty("chunk_bytes", chunkBytes);
    o.addProperty("complete", complete);
    JsonObject f = new JsonObject();
    files.forEach((name, sums) -> {
      JsonObject e = new JsonObject();
      e.addProperty("bytes", sums.bytes());
      JsonArray crcs = new JsonArray();
      for (int c : sums.crcs()) {
        crcs.add(String.format("%08x", c));
      }
      e.add("crc32c", crcs);
      f.add(name, e);
    });
    o.add("files", f);
    o.add("meta", meta);
    byte[] json = (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(RowStore.MANIFEST), out -> out.write(json));
  }

  /**
   * Reads {@code dir/manifest.json} and checks that it is self-consistent.
   *
   * @throws RowStoreException naming the file when it is missing, malformed or of another format or version
   */
  public static RowStoreManifest read(Path dir) throws IOException {
    Path file = dir.resolve(RowStore.MANIFEST);
    if (Files.isRegularFile(dir)) {
      throw new RowStoreException(dir, "a file, not a row-store directory (written by an older x2s?)");
    }
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (NoSuchFileException e) {
      throw new RowStoreException(file, "missing: " + dir + " is not a row store");
    } catch (RuntimeException e) {
      throw new RowStoreException(file, "not a JSON object: " + e.getMessage());
    }
    try {
      String format = o.has("format") ? o.get("format").getAsString() : null;
      int version = o.has("version") ? o.get("version").getAsInt() : -1;
      if (!FORMAT.equals(format) || version != VERSION) {
        throw new RowStoreException(file, "format " + format + " version " + version + "; this x2s reads " + FORMAT
            + " version " + VERSION + " (written by another x2s version: delete it to rebuild)");
      }
      Dtype dtype = Dtype.valueOf(o.get("dtype").getAsString().toUpperCase(java.util.Locale.ROOT));
      int width = o.get("width").getAsInt();
      long rows = o.get("rows").getAsLong();
      long chunk = o.get("chunk_bytes").getAsLong();
      Map<String, FileChecksums> files = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("files").entrySet()) {
        JsonObject f = e.getValue().getAsJsonObject();
        JsonArray a = f.getAsJsonArray("crc32c");
        int[] crcs = new int[a.size()];
        for (int i = 0; i < crcs.length; i++) {
          crcs[i] = Integer.parseUnsignedInt(a.get(i).getAsString(), 16);
        }
        files.put(e.getKey(), new FileChecksums(f.get("bytes").getAsLong(), crcs));
      }
      RowStoreManifest m = new RowStoreManifest(dtype, width, rows, chunk, o.get("complete").getAsBoolean(), files,
          o.getAsJsonObject("meta"));
      m.check(file);
      return m;
    } catch (RowStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RowStoreException(file, "missing or malformed field: " + e);
    }
  }

  /** Sizes and checksum counts agree with each other (a hand-edited or torn manifest is refused). */
  private void check(Path file) throws RowStoreException {
    bytesPerValue(dtype);
    if (width < 1 || rows < 0 || chunkBytes < 1) {
      throw new RowStoreException(file, "width " + width + ", rows " + rows + ", chunk_bytes " + chunkBytes);
    }
    FileChecksums r = files.get(rowsFile());
    if (r == null || r.bytes() != rows * rowBytes()) {
      throw new RowStoreException(file, rows + " rows of " + rowBytes() + " bytes but " + rowsFile() + " commits "
          + (r == null ? "nothing" : r.bytes() + " bytes"));
    }
    for (Map.Entry<String, FileChecksums> e : files.entrySet()) {
      FileChecksums s = e.getValue();
      if (s.bytes() < 0 || s.crcs().length != FileChecksums.chunks(s.bytes(), chunkBytes)) {
        throw new RowStoreException(file, e.getKey() + ": " + s.crcs().length + " checksums for " + s.bytes()
            + " bytes in chunks of " + chunkBytes);
      }
    }
  }
}
