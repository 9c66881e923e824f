package dev.x2s.layerpc.occurrence;

import dev.x2s.teachers.WordStates;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Per (word, layer) running sums of contextual vectors, in double, in a memory-mapped file of
 * {@code words × layers × dim} little-endian doubles (rows of {@code dim}), so the heap does not grow with
 * the vocabulary: the OS pages the file. Sums are added in sentence order, so they are deterministic.
 *
 * <p>Checkpointing copies the file ({@link #snapshot}); restoring copies a snapshot back
 * ({@link #restore}). Copying is sequential I/O of the file's size per checkpoint.
 */
public final class RunningSums implements AutoCloseable {
  private final Path file;
  private final int layers;
  private final int dim;
  private final long rows;
  private final FileChannel ch;
  private final DoubleBuffer[] segments;
  private final long rowsPerSegment;

  private RunningSums(Path file, int words, int layers, int dim) throws IOException {
    this.file = file;
    this.layers = layers;
    this.dim = dim;
    this.rows = (long) words * layers;
    long bytes = rows * dim * 8;
    this.ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (ch.size() != bytes) {
      ch.truncate(0);
      if (bytes > 0) {
        ch.write(java.nio.ByteBuffer.allocate(1), bytes - 1); // sparse zeros
      }
    }
    long rowBytes = 8L * dim;
    this.rowsPerSegment = Math.max(1, (1L << 30) / rowBytes);
    int nSeg = (int) ((rows + rowsPerSegment - 1) / rowsPerSegment);
    this.segments = new DoubleBuffer[nSeg];
    for (int i = 0; i < nSeg; i++) {
      long r0 = i * rowsPerSegment;
      long n = Math.min(rowsPerSegment, rows - r0);
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, r0 * rowBytes, n * rowBytes);
      segments[i] = m.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    }
  }

  /** Opens (creating as zeros when absent or of the wrong size) the sums file. */
  public static RunningSums open(Path file, int words, int layers, int dim) throws IOException {
    return new RunningSums(file, words, layers, dim);
  }

  /** Bytes of the file for this shape. */
  public static long bytes(int words, int layers, int dim) {
    return (long) words * layers * dim * 8;
  }

  /** Adds the vector of word {@code wordInStates} at model layer {@code modelLayers[li]} to row (w, li). */
  public void add(int w, WordStates states, int wordInStates, int[] modelLayers) {
    float[] data = states.data();
    for (int li = 0; li < layers; li++) {
      long row = (long) w * layers + li;
      DoubleBuffer seg = segments[(int) (row / rowsPerSegment)];
      int p = (int) ((row % rowsPerSegment) * dim);
      int o = states.offset(modelLayers[li], wordInStates);
      for (int d = 0; d < dim; d++) {
        seg.put(p + d, seg.get(p + d) + data[o + d]);
      }
    }
  }

  /**
   * Adds a chunk's partial sums of word {@code w}: {@code layers × dim} values, layer after layer. Chunks
   * are summed first and added in chunk order, so the sums are the same wherever the chunks ran.
   */
  public void add(int w, double[] partial) {
    for (int li = 0; li < layers; li++) {
      long row = (long) w * layers + li;
      DoubleBuffer seg = segments[(int) (row / rowsPerSegment)];
      int p = (int) ((row % rowsPerSegment) * dim);
      int o = li * dim;
      for (int d = 0; d < dim; d++) {
        seg.put(p + d, seg.get(p + d) + partial[o + d]);
      }
    }
  }

  /** Copies row (w, li) into {@code dst}. */
  public void row(int w, int li, double[] dst) {
    long row = (long) w * layers + li;
    DoubleBuffer seg = segments[(int) (row / rowsPerSegment)];
    seg.get((int) ((row % rowsPerSegment) * dim), dst, 0, dim);
  }

  /** Copies the current sums to {@code target} atomically (temp file + rename), forced to disk. */
  public void snapshot(Path target) throws IOException {
    copy(file, target);
  }

  /** Overwrites the sums file with a snapshot; call before {@link #open}. */
  public static void restore(Path snapshot, Path file) throws IOException {
    copy(snapshot, file);
  }

  private static void copy(Path from, Path to) throws IOException {
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      long size = in.size();
      long p = 0;
      while (p < size) {
        p += in.transferTo(p, size - p, out);
      }
      out.force(true);
    }
    try {
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot atomically rename " + tmp + " to " + to, e);
    }
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
