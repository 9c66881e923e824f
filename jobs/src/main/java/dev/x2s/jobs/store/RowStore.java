package dev.x2s.jobs.store;

import com.google.gson.JsonObject;
import dev.x2s.vectors.Dtype;
import dev.x2s.vectors.Half;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checksummed store of fixed-width float rows, opened for reading at its last commit. A store is a
 * directory:
 *
 * <ul>
 *   <li>{@code manifest.json} — {@link RowStoreManifest}: row type, committed rows and bytes, CRC32C per
 *       chunk of every file, complete flag, the owner's {@code meta};
 *   <li>{@code rows.f16} or {@code rows.f32} — the rows, little-endian, row {@code i} at byte
 *       {@code i × width × (2 or 4)} (memory-mapped here);
 *   <li>the owner's byte streams (e.g. {@code sentences.txt}), append-only like the rows.
 * </ul>
 *
 * <p>Only committed bytes are read, so a store that a writer is still appending to can be read at its
 * durable prefix. {@link #open} checks the manifest and the file sizes; {@link #verify} reads every
 * committed byte against its chunk checksum; {@link #stream} verifies as it goes. Damage raises a
 * {@link RowStoreException} naming the file and byte offset. Reads are thread-safe.
 */
public final class RowStore implements AutoCloseable {
  public static final String MANIFEST = "manifest.json";
  /** Rows per mapped segment are capped at 1 GiB: a {@code MappedByteBuffer} is int-indexed. */
  private static final long SEGMENT_BYTES = 1L << 30;
  private final Path dir;
  private final RowStoreManifest manifest;
  private final FileChannel channel;
  private final long rowsPerSegment;
  private final ShortBuffer[] halves;
  private final FloatBuffer[] floats;

  private RowStore(Path dir, RowStoreManifest m, FileChannel channel) throws IOException {
    this.dir = dir;
    this.manifest = m;
    this.channel = channel;
    long rowBytes = m.rowBytes();
    this.rowsPerSegment = Math.max(1, SEGMENT_BYTES / rowBytes);
    int n = (int) ((m.rows() + rowsPerSegment - 1) / rowsPerSegment);
    boolean half = m.dtype() == Dtype.FP16;
    halves = half ? new ShortBuffer[n] : null;
    floats = half ? null : new FloatBuffer[n];
    for (int i = 0; i < n; i++) {
      long first = i * rowsPerSegment;
      long count = Math.min(rowsPerSegment, m.rows() - first);
      var map = channel.map(FileChannel.MapMode.READ_ONLY, first * rowBytes, count * rowBytes)
          .order(ByteOrder.LITTLE_ENDIAN);
      if (half) {
        halves[i] = map.asShortBuffer();
      } else {
        floats[i] = map.asFloatBuffer();
      }
    }
  }

  /** {@code rows.f16} or {@code rows.f32}. */
  public static String rowsFile(Dtype dtype) {
    return "rows." + (RowStoreManifest.bytesPerValue(dtype) == 2 ? "f16" : "f32");
  }

  /**
   * Opens the last commit of the store in {@code dir}, complete or still being written. Every file must
   * hold at least its committed bytes (exactly those, once the store is complete).
   */
  public static RowStore open(Path dir) throws IOException {
    RowStoreManifest m = RowStoreManifest.read(dir);
    for (Map.Entry<String, FileChecksums> e : m.files().entrySet()) {
      Path f = dir.resolve(e.getKey());
      long need = e.getValue().bytes();
      long size = Files.isRegularFile(f) ? Files.size(f) : -1;
      if (size < need || (m.complete() && size != need)) {
        throw new RowStoreException(f, Math.max(0, Math.min(size, need)), (size < 0 ? "missing" : size + " bytes")
            + ", the manifest commits " + need + (m.complete() ? " of a complete store" : "")
            + " (truncated or changed)");
      }
    }
    FileChannel ch = FileChannel.open(dir.resolve(m.rowsFile()), StandardOpenOption.READ);
    try {
      return new RowStore(dir, m, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Reads every committed byte of every file against its chunk checksums. */
  public void verify() throws IOException {
    for (Map.Entry<String, FileChecksums> e : manifest.files().entrySet()) {
      boolean isRows = e.getKey().equals(manifest.rowsFile());
      Path f = dir.resolve(e.getKey());
      try (FileChannel ch = isRows ? null : FileChannel.open(f, StandardOpenOption.READ)) {
        e.getValue().verify(f, isRows ? channel : ch, manifest.chunkBytes(), isRows ? manifest.rowBytes() : 0);
      }
    }
  }

  /** The committed bytes of stream {@code name}, each chunk checked before it is handed out. */
  public InputStream stream(String name) throws IOException {
    FileChecksums sums = manifest.files().get(name);
    if (sums == null || name.equals(manifest.rowsFile())) {
      throw new IllegalArgumentException("no stream '" + name + "' in " + dir);
    }
    return new VerifiedInput(dir.resolve(name), sums, manifest.chunkBytes());
  }

  /** Committed bytes of stream {@code name}. */
  public long streamBytes(String name) {
    FileChecksums sums = manifest.files().get(name);
    if (sums == null) {
      throw new IllegalArgumentException("no stream '" + name + "' in " + dir);
    }
    return sums.bytes();
  }

  public Path dir() {
    return dir;
  }

  public RowStoreManifest manifest() {
    return manifest;
  }

  /** The owner's state of this commit. */
  public JsonObject meta() {
    return manifest.meta();
  }

  public boolean complete() {
    return manifest.complete();
  }

  /** Committed rows. */
  public long rows() {
    return manifest.rows();
  }

  public int width() {
    return manifest.width();
  }

  /** Reads row {@code row} into {@code dst[off .. off + width)}. */
  public void row(long row, float[] dst, int off) {
    read(row, 0, manifest.width(), dst, off);
  }

  /** Reads values {@code [from, from + count)} of row {@code row} into {@code dst[off ..]}. */
  public void read(long row, int from, int count, float[] dst, int off) {
    if (row < 0 || row >= manifest.rows()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + manifest.rows() + " in " + dir);
    }
    if (from < 0 || count < 0 || from + count > manifest.width()) {
      throw new IndexOutOfBoundsException("values " + from + ".." + (from + count) + " of a row of " + manifest.width());
    }
    int seg = (int) (row / rowsPerSegment);
    int at = (int) ((row % rowsPerSegment) * manifest.width()) + from;
    if (halves != null) {
      ShortBuffer s = halves[seg];
      for (int k = 0; k < count; k++) {
        dst[off + k] = Half.toFloatFast(s.get(at + k));
      }
    } else {
      floats[seg].get(at, dst, off, count);
    }
  }

  /** Reads {@code count} whole rows from {@code first} into {@code dst[off ..]}, row-major. */
  public void readRows(long first, long count, float[] dst, int off) {
    int width = manifest.width();
    for (long r = first; r < first + count; ) {
      long inSegment = Math.min(first + count - r, rowsPerSegment - r % rowsPerSegment);
      if (halves != null) {
        for (long i = 0; i < inSegment; i++) {
          row(r + i, dst, (int) (off + (r + i - first) * width));
        }
      } else {
        if (r < 0 || r + inSegment > manifest.rows()) {
          throw new IndexOutOfBoundsException("rows " + r + ".." + (r + inSegment) + " of " + manifest.rows());
        }
        floats[(int) (r / rowsPerSegment)].get((int) ((r % rowsPerSegment) * width), dst,
            (int) (off + (r - first) * width), (int) (inSegment * width));
      }
      r += inSegment;
    }
  }

  /**
   * Deletes a store: {@code dir} with the files in it (a store directory holds no subdirectories), or a
   * plain file found at its place (a store of an older x2s format). Nothing happens when it is absent.
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.deleteIfExists(dir);
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
