package dev.x2s.vectors;

import dev.x2s.vectors.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Hugging Face {@code .safetensors} file: an 8-byte little-endian header length {@code N},
 * {@code N} bytes of UTF-8 JSON mapping tensor names to {@code {dtype, shape, data_offsets}} (plus an
 * optional {@code __metadata__} string map), then the data area. Offsets are relative to the data area.
 *
 * <p>The whole header is validated on {@link #open}: every tensor's byte range must match its dtype and
 * shape, lie inside the file, and the ranges must tile the data area exactly (no overlap, no gap, no
 * trailing bytes), as the reference implementation requires. Tensor data is memory-mapped per tensor
 * when read, so files larger than 2 GiB work and only what is read is paged in. {@code F32},
 * {@code F16} and {@code BF16} tensors are read as float32. Every defect is a
 * {@link VectorFormatException} naming the file and, where there is one, the byte offset.
 */
public final class SafetensorsReader implements AutoCloseable {
  /** Headers larger than this are rejected as corrupt (the reference implementation uses 100 MB). */
  static final long MAX_HEADER = 100L << 20;

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final Map<String, SafetensorsEntry> entries;
  private final Map<String, String> metadata;

  private SafetensorsReader(
      Path file, FileChannel channel, long dataStart, Map<String, SafetensorsEntry> entries,
      Map<String, String> metadata) {
    this.file = file;
    this.channel = channel;
    this.dataStart = dataStart;
    this.entries = entries;
    this.metadata = metadata;
  }

  private static VectorFormatException bad(Path file, String what) {
    return VectorFormatException.inFile(file, what);
  }

  /** Opens and validates {@code file}. */
  public static SafetensorsReader open(Path file) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw (IOException) bad(file, "cannot open: " + e.getMessage()).initCause(e);
    }
    try {
      long size = ch.size();
      if (size < 8) {
        throw bad(file, "truncated: " + size + " bytes, the 8-byte header length is missing");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, file);
      long headerLen = lenBuf.getLong(0);
      if (headerLen <= 0 || headerLen > MAX_HEADER) {
        throw bad(file, "byte offset 0: implausible header length " + headerLen);
      }
      if (8 + headerLen > size) {
        throw bad(file, "truncated: header of " + headerLen + " bytes ends at byte offset " + (8 + headerLen)
            + " but the file has " + size + " bytes");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, 8, file);
      String json;
      try {
        json = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(hb.flip())
            .toString();
      } catch (CharacterCodingException e) {
        throw bad(file, "byte offset 8: header is not valid UTF-8");
      }
      long dataStart = 8 + headerLen;
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, SafetensorsEntry> entries = parseHeader(file, json, metadata);
      validateLayout(file, entries, size - dataStart, dataStart);
      return new SafetensorsReader(
          file, ch, dataStart, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(metadata));
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static Map<String, SafetensorsEntry> parseHeader(
      Path file, String json, Map<String, String> metadata) throws VectorFormatException {
    Object root;
    try {
      root = Json.parse(json);
    } catch (Json.JsonException e) {
      throw bad(file, "byte offset 8: header is not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> rootMap)) {
      throw bad(file, "byte offset 8: header is not a JSON object");
    }
    Map<String, SafetensorsEntry> entries = new TreeMap<>();
    for (Map.Entry<?, ?> e : rootMap.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals("__metadata__")) {
        if (!(e.getValue() instanceof Map<?, ?> meta)) {
          throw bad(file, "header: __metadata__ is not an object");
        }
        for (Map.Entry<?, ?> m : meta.entrySet()) {
          if (!(m.getValue() instanceof String v)) {
            throw bad(file, "header: __metadata__ value " + m.getKey() + " is not a string");
          }
          metadata.put((String) m.getKey(), v);
        }
        continue;
      }
      entries.put(name, parseEntry(file, name, e.getValue()));
    }
    return entries;
  }

  private static SafetensorsEntry parseEntry(Path file, String name, Object value) throws VectorFormatException {
    String where = "header: tensor " + name + ": ";
    if (!(value instanceof Map<?, ?> o)) {
      throw bad(file, where + "entry is not an object");
    }
    if (!(o.get("dtype") instanceof String dtype)) {
      throw bad(file, where + "missing dtype");
    }
    if (elementSize(dtype) < 0) {
      throw bad(file, where + "unknown dtype " + dtype);
    }
    long[] shapeL = longArray(file, where + "shape", o.get("shape"), -1);
    int[] shape = new int[shapeL.length];
    for (int i = 0; i < shape.length; i++) {
      if (shapeL[i] < 0 || shapeL[i] > Integer.MAX_VALUE) {
        throw bad(file, where + "bad dimension " + shapeL[i]);
      }
      shape[i] = (int) shapeL[i];
    }
    long[] off = longArray(file, where + "data_offsets", o.get("data_offsets"), 2);
    if (off[0] < 0 || off[1] < off[0]) {
      throw bad(file, where + "bad data_offsets [" + off[0] + ", " + off[1] + "]");
    }
    SafetensorsEntry entry = new SafetensorsEntry(name, dtype, shape, off[0], off[1]);
    long expected;
    try {
      expected = Math.multiplyExact(entry.elements(), elementSize(dtype));
    } catch (ArithmeticException ex) {
      throw bad(file, where + "shape too large");
    }
    if (expected != off[1] - off[0]) {
      throw bad(file, where + dtype + Arrays.toString(shape) + " needs " + expected
          + " bytes but data_offsets [" + off[0] + ", " + off[1] + "] span " + (off[1] - off[0]));
    }
    return entry;
  }

  private static long[] longArray(Path file, String what, Object el, int length) throws VectorFormatException {
    if (!(el instanceof List<?> a)) {
      throw bad(file, what + " missing or not an array");
    }
    if (length >= 0 && a.size() != length) {
      throw bad(file, what + " has " + a.size() + " values, expected " + length);
    }
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(a.get(i) instanceof BigDecimal d)) {
        throw bad(file, what + "[" + i + "] is not a number");
      }
      try {
        out[i] = d.longValueExact();
      } catch (ArithmeticException ex) {
        throw bad(file, what + "[" + i + "] is not an integer: " + d);
      }
    }
    return out;
  }

  /** The byte ranges must tile {@code [0, dataSize)} exactly. */
  private static void validateLayout(
      Path file, Map<String, SafetensorsEntry> entries, long dataSize, long dataStart)
      throws VectorFormatException {
    List<SafetensorsEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(SafetensorsEntry::begin).thenComparingLong(SafetensorsEntry::end));
    long pos = 0;
    SafetensorsEntry prev = null;
    for (SafetensorsEntry e : sorted) {
      if (e.begin() < pos) {
        throw bad(file, "tensor " + e.name() + " at byte offset " + (dataStart + e.begin()) + " overlaps tensor "
            + prev.name() + " (which ends at byte offset " + (dataStart + pos) + ")");
      }
      if (e.begin() > pos) {
        throw bad(file, "gap in data area: tensor " + e.name() + " begins at byte offset "
            + (dataStart + e.begin()) + " but the previous data ends at byte offset " + (dataStart + pos));
      }
      if (e.end() > dataSize) {
        throw bad(file, "truncated: tensor " + e.name() + " ends at byte offset " + (dataStart + e.end())
            + " but the file has " + (dataStart + dataSize) + " bytes");
      }
      pos = e.end();
      prev = e;
    }
    if (pos != dataSize) {
      throw bad(file, "data area ends at byte offset " + (dataStart + pos) + " but the file has "
          + (dataStart + dataSize) + " bytes (trailing data or bad header)");
    }
  }

  /** Bytes per element of a safetensors dtype, or -1 when unknown. */
  public static int elementSize(String dtype) {
    return switch (dtype) {
      case "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3" -> 1;
      case "I16", "U16", "F16", "BF16" -> 2;
      case "I32", "U32", "F32" -> 4;
      case "I64", "U64", "F64" -> 8;
      default -> -1;
    };
  }

  /** The file this reader reads. */
  public Path file() {
    return file;
  }

  /** Tensor entries by name (sorted by name). */
  public Map<String, SafetensorsEntry> entries() {
    return entries;
  }

  /** The {@code __metadata__} map (empty when absent). */
  public Map<String, String> metadata() {
    return metadata;
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** Reads tensor {@code name} as float32 (row-major). */
  public float[] readFloats(String name) throws IOException {
    SafetensorsEntry e = entries.get(name);
    if (e == null) {
      throw bad(file, "missing tensor " + name);
    }
    return readFloats(e);
  }

  /** Reads entry {@code e} as float32 (row-major); F32, F16 and BF16 only. */
  public float[] readFloats(SafetensorsEntry e) throws IOException {
    long n = e.elements();
    if (n > Integer.MAX_VALUE - 8) {
      throw bad(file, "tensor " + e.name() + " has " + n + " elements, too many for one array");
    }
    if (!e.dtype().equals("F32") && !e.dtype().equals("F16") && !e.dtype().equals("BF16")) {
      throw bad(file, "tensor " + e.name() + " has dtype " + e.dtype() + "; only F32, F16 and BF16 are supported");
    }
    float[] out = new float[(int) n];
    if (n == 0) {
      return out;
    }
    MappedByteBuffer buf;
    try {
      buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.end() - e.begin());
    } catch (IOException ex) {
      throw (IOException) bad(file, "tensor " + e.name() + " at byte offset " + (dataStart + e.begin()) + ": "
          + ex.getMessage()).initCause(ex);
    }
    buf.order(ByteOrder.LITTLE_ENDIAN);
    switch (e.dtype()) {
      case "F32" -> buf.asFloatBuffer().get(out);
      case "F16" -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = Half.toFloat(buf.getShort(2 * i));
        }
      }
      default -> { // BF16
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat((buf.getShort(2 * i) & 0xffff) << 16);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file) throws IOException {
    long p = pos;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, p);
      if (r < 0) {
        throw bad(file, "truncated at byte offset " + p);
      }
      p += r;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing useful to do: the channel was read-only
    }
  }
}
