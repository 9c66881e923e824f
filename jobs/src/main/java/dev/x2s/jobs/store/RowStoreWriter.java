package dev.x2s.jobs.store;

import com.google.gson.JsonObject;
import dev.x2s.vectors.Dtype;
import dev.x2s.vectors.Half;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends rows (and bytes to the store's named streams) to a {@link RowStore} directory, with commits.
 *
 * <p>{@link #commit} forces every file and only then replaces the manifest, atomically, with the new
 * lengths, chunk checksums and the owner's {@code meta}; so the manifest always describes a durable
 * prefix, and readers may open that prefix while the writer goes on. {@link #resume} reopens what an
 * interrupted writer left: each file is truncated to its committed length (dropping what was written
 * after the last commit, torn chunks included), the committed chunks are verified, and appending
 * continues — the same appends then give the same bytes as an uninterrupted run. {@link #close()}
 * without {@link #finish} keeps the last commit, which is what a crash leaves too.
 *
 * <p>Not thread-safe: one writer per store.
 */
public final class RowStoreWriter implements AutoCloseable {
  /** Checksum chunk: small enough to locate damage, large enough to keep the manifest short. */
  public static final long DEFAULT_CHUNK_BYTES = 4L << 20;

  private final Path dir;
  private RowStoreManifest committed;
  private final ChunkedAppender rowsOut;
  private final Map<String, ChunkedAppender> streams;
  private final ByteBuffer encoded = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final int valueBytes;
  private long rows;

  private RowStoreWriter(Path dir, RowStoreManifest committed, ChunkedAppender rowsOut,
      Map<String, ChunkedAppender> streams) {
    this.dir = dir;
    this.committed = committed;
    this.rowsOut = rowsOut;
    this.streams = streams;
    this.valueBytes = RowStoreManifest.bytesPerValue(committed.dtype());
    this.rows = committed.rows();
  }

  /**
   * Starts a new, empty store in {@code dir} (created if needed; the files of an earlier store there are
   * replaced) and commits it, so that it can be resumed from its first row.
   *
   * @param streams names of the byte streams beside the rows (file names in {@code dir})
   * @param meta the owner's state, stored with every commit
   */
  public static RowStoreWriter create(Path dir, Dtype dtype, int width, List<String> streams, JsonObject meta)
      throws IOException {
    return create(dir, dtype, width, streams, meta, DEFAULT_CHUNK_BYTES);
  }

  /** {@link #create(Path, Dtype, int, List, JsonObject)} with another checksum chunk (tests). */
  public static RowStoreWriter create(Path dir, Dtype dtype, int width, List<String> streams, JsonObject meta,
      long chunkBytes) throws IOException {
    if (width < 1 || chunkBytes < 1) {
      throw new IllegalArgumentException("width " + width + ", chunk " + chunkBytes);
    }
    String rowsFile = RowStore.rowsFile(dtype);
    for (String s : streams) {
      if (s.isEmpty() || s.contains("/") || s.contains("\\") || s.equals(RowStore.MANIFEST) || s.startsWith("rows.")
          || s.startsWith(".")) {
        throw new IllegalArgumentException("stream name '" + s + "' is not a plain file name of its own");
      }
    }
    Files.createDirectories(dir);
    // the manifest goes first: a crash from here on leaves no commit pointing at replaced files
    Files.deleteIfExists(dir.resolve(RowStore.MANIFEST));
    Map<String, ChunkedAppender> out = new LinkedHashMap<>();
    Map<String, FileChecksums> empty = new LinkedHashMap<>();
    ChunkedAppender rowsOut = null;
    try {
      rowsOut = ChunkedAppender.create(dir.resolve(rowsFile), chunkBytes);
      empty.put(rowsFile, rowsOut.checksums());
      for (String s : streams) {
        out.put(s, ChunkedAppender.create(dir.resolve(s), chunkBytes));
        empty.put(s, out.get(s).checksums());
      }
      RowStoreManifest m = new RowStoreManifest(dtype, width, 0, chunkBytes, false, empty, meta);
      RowStoreWriter w = new RowStoreWriter(dir, m, rowsOut, out);
      w.commit(meta);
      return w;
    } catch (IOException | RuntimeException e) {
      closeAll(rowsOut, out);
      throw e;
    }
  }

  /**
   * Reopens the unfinished store in {@code dir} at its last commit (see the class comment).
   *
   * @throws RowStoreException when there is no store, it is complete, or a committed byte is damaged
   */
  public static RowStoreWriter resume(Path dir) throws IOException {
    RowStoreManifest m = RowStoreManifest.read(dir);
    if (m.complete()) {
      throw new RowStoreException(dir.resolve(RowStore.MANIFEST), "the store is complete; nothing to resume");
    }
    Map<String, ChunkedAppender> out = new LinkedHashMap<>();
    ChunkedAppender rowsOut = null;
    try {
      for (Map.Entry<String, FileChecksums> e : m.files().entrySet()) {
        boolean isRows = e.getKey().equals(m.rowsFile());
        ChunkedAppender a = ChunkedAppender.resume(dir.resolve(e.getKey()), e.getValue(), m.chunkBytes(),
            isRows ? m.rowBytes() : 0);
        if (isRows) {
          rowsOut = a;
        } else {
          out.put(e.getKey(), a);
        }
      }
      return new RowStoreWriter(dir, m, rowsOut, out);
    } catch (IOException | RuntimeException e) {
      closeAll(rowsOut, out);
      throw e;
    }
  }

  private static void closeAll(ChunkedAppender rows, Map<String, ChunkedAppender> streams) throws IOException {
    if (rows != null) {
      rows.close();
    }
    for (ChunkedAppender a : streams.values()) {
      a.close();
    }
  }

  public Path dir() {
    return dir;
  }

  /** The manifest of the last commit (its {@code meta} is what a resumed owner continues from). */
  public RowStoreManifest committed() {
    return committed;
  }

  public int width() {
    return committed.width();
  }

  /** Rows appended, including those not yet committed. */
  public long rows() {
    return rows;
  }

  /** Appends one row: {@code values[off .. off + width)}, stored as the store's dtype. */
  public void append(float[] values, int off) throws IOException {
    appendRows(values, off, 1);
  }

  /** Appends one row of exactly {@code width} values. */
  public void append(float[] row) throws IOException {
    if (row.length != width()) {
      throw new IllegalArgumentException("row of " + row.length + " values, the store's rows have " + width());
    }
    appendRows(row, 0, 1);
  }

  /** Appends {@code count} rows from {@code values[off ..]}, row-major. */
  public void appendRows(float[] values, int off, int count) throws IOException {
    long n = (long) count * width();
    if (off < 0 || count < 0 || off + n > values.length) {
      throw new IndexOutOfBoundsException(count + " rows of " + width() + " from " + off + " of " + values.length);
    }
    int perBuffer = encoded.capacity() / valueBytes;
    for (long i = 0; i < n; ) {
      int m = (int) Math.min(perBuffer, n - i);
      int from = (int) (off + i);
      encoded.clear();
      if (valueBytes == 2) {
        for (int j = 0; j < m; j++) {
          encoded.putShort(Half.fromFloat(values[from + j]));
        }
      } else {
        encoded.asFloatBuffer().put(values, from, m);
        encoded.position(m * 4);
      }
      rowsOut.append(encoded.flip());
      i += m;
    }
    rows += count;
  }

  /** Appends {@code b[off .. off + len)} to stream {@code name}. */
  public void write(String name, byte[] b, int off, int len) throws IOException {
    ChunkedAppender a = streams.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no stream '" + name + "' in " + dir + " (streams " + streams.keySet() + ")");
    }
    a.append(ByteBuffer.wrap(b, off, len));
  }

  /** Appends all of {@code b} to stream {@code name}. */
  public void write(String name, byte[] b) throws IOException {
    write(name, b, 0, b.length);
  }

  /** Makes everything appended so far durable and records it, with {@code meta}, as the new commit. */
  public void commit(JsonObject meta) throws IOException {
    commit(meta, false);
  }

  /** Commits for the last time, marking the store complete, and closes the writer. */
  public void finish(JsonObject meta) throws IOException {
    commit(meta, true);
    close();
  }

  private void commit(JsonObject meta, boolean complete) throws IOException {
    Map<String, FileChecksums> files = new LinkedHashMap<>();
    rowsOut.force();
    files.put(committed.rowsFile(), rowsOut.checksums());
    for (Map.Entry<String, ChunkedAppender> e : streams.entrySet()) {
      e.getValue().force();
      files.put(e.getKey(), e.getValue().checksums());
    }
    RowStoreManifest m = committed.with(rows, complete, files, meta);
    m.write(dir);
    committed = m;
  }

  /** Closes the files; the store keeps its last commit. */
  @Override
  public void close() throws IOException {
    closeAll(rowsOut, streams);
  }
}
