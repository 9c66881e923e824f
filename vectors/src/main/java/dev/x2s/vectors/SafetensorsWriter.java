package dev.x2s.vectors;

import dev.x2s.vectors.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes float tensors as a safetensors file: 8-byte little-endian header length, the JSON header
 * (padded with spaces to a multiple of 8 bytes, as the reference writer does, so the data area is
 * 8-byte aligned for memory-mapped readers), then the tensors' bytes in the order they were added.
 * Values are stored as {@code F32} or {@code F16} (round-to-nearest-even).
 *
 * <pre>{@code
 * new SafetensorsWriter().add("embeddings", "F32", new int[] {rows, dim}, zeros, matrix).write(path);
 * }</pre>
 */
public final class SafetensorsWriter {
  private record Pending(String name, String dtype, int[] shape, float[][] parts) {}

  private final List<Pending> tensors = new ArrayList<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  /**
   * Adds a tensor whose row-major values are the concatenation of {@code parts} (so leading rows can
   * be added without copying a large matrix).
   *
   * @param dtype {@code F32} or {@code F16}
   * @throws IllegalArgumentException if the values do not fill the shape, the dtype is not supported
   *     or the name repeats
   */
  public SafetensorsWriter add(String name, String dtype, int[] shape, float[]... parts) {
    if (!dtype.equals("F32") && !dtype.equals("F16")) {
      throw new IllegalArgumentException("safetensors writer: dtype " + dtype + " (F32 or F16)");
    }
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    long have = 0;
    for (float[] p : parts) {
      have += p.length;
    }
    if (n != have) {
      throw new IllegalArgumentException(
          "tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + n + " values, has " + have);
    }
    if (name.equals("__metadata__") || tensors.stream().anyMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException("tensor name " + name + " is reserved or repeated");
    }
    tensors.add(new Pending(name, dtype, shape.clone(), parts.clone()));
    return this;
  }

  /** Adds a {@code __metadata__} entry. */
  public SafetensorsWriter metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Writes {@code file} atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, this::write);
  }

  /** Writes the file's bytes to {@code out} (not closed). */
  public void write(OutputStream out) throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    if (!metadata.isEmpty()) {
      header.put("__metadata__", new LinkedHashMap<>(metadata));
    }
    long off = 0;
    for (Pending t : tensors) {
      long bytes = (long) SafetensorsReader.elementSize(t.dtype());
      for (int d : t.shape()) {
        bytes *= d;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("dtype", t.dtype());
      List<Object> shape = new ArrayList<>();
      for (int d : t.shape()) {
        shape.add(d);
      }
      e.put("shape", shape);
      e.put("data_offsets", List.of(off, off + bytes));
      header.put(t.name(), e);
      off += bytes;
    }
    byte[] h = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = (h.length + 7) / 8 * 8;
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
    out.write(h);
    out.write(" ".repeat(padded - h.length).getBytes(StandardCharsets.US_ASCII));
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Pending t : tensors) {
      boolean half = t.dtype().equals("F16");
      for (float[] part : t.parts()) {
        for (float v : part) {
          if (b.remaining() < 4) {
            out.write(b.array(), 0, b.position());
            b.clear();
          }
          if (half) {
            b.putShort(Half.fromFloat(v));
          } else {
            b.putFloat(v);
          }
        }
      }
    }
    out.write(b.array(), 0, b.position());
  }
}
