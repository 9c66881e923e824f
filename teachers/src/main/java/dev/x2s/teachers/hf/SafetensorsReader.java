package dev.x2s.teachers.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
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
import java.util.ArrayList;
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
 * {@code F16} and {@code BF16} tensors are read as float32.
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

  /** Opens and validates {@code file}; throws {@link WeightsException} naming the file on any defect. */
  public static SafetensorsReader open(Path file) {
    String src = file.toString();
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new WeightsException(src, "cannot open: " + e.getMessage(), e);
    }
    try {
      long size = ch.size();
      if (size < 8) {
        throw new WeightsException(src, "truncated: " + size + " bytes, the 8-byte header length is missing");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, src);
      long headerLen = lenBuf.getLong(0);
      if (headerLen <= 0 || headerLen > MAX_HEADER) {
        throw new WeightsException(src, "byte offset 0: implausible header length " + headerLen);
      }
      if (8 + headerLen > size) {
        throw new WeightsException(
            src, "truncated: header of " + headerLen + " bytes ends at byte offset " + (8 + headerLen)
                + " but the file has " + size + " bytes");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, 8, src);
      String json;
      try {
        json = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(hb.flip())
            .toString();
      } catch (CharacterCodingException e) {
        throw new WeightsException(src, "byte offset 8: header is not valid UTF-8");
      }
      long dataStart = 8 + headerLen;
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, SafetensorsEntry> entries = parseHeader(src, json, metadata);
      validateLayout(src, entries, size - dataStart, dataStart);
      return new SafetensorsReader(
          file, ch, dataStart, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(metadata));
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new WeightsException(src, "read failed: " + e.getMessage(), e);
    }
  }

  private static Map<String, SafetensorsEntry> parseHeader(
      String src, String json, Map<String, String> metadata) {
    JsonObject root;
    try {
      JsonElement el = JsonParser.parseString(json);
      if (!el.isJsonObject()) {
        throw new WeightsException(src, "byte offset 8: header is not a JSON object");
      }
      root = el.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new WeightsException(src, "byte offset 8: header is not valid JSON: " + e.getMessage(), e);
    }
    Map<String, SafetensorsEntry> entries = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : root.entrySet()) {
      String name = e.getKey();
      if (name.equals("__metadata__")) {
        if (!e.getValue().isJsonObject()) {
          throw new WeightsException(src, "header: __metadata__ is not an object");
        }
        for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) {
          if (!m.getValue().isJsonPrimitive() || !m.getValue().getAsJsonPrimitive().isString()) {
            throw new WeightsException(src, "header: __metadata__ value " + m.getKey() + " is not a string");
          }
          metadata.put(m.getKey(), m.getValue().getAsString());
        }
        continue;
      }
      entries.put(name, parseEntry(src, name, e.getValue()));
    }
    return entries;
  }

  private static SafetensorsEntry parseEntry(String src, String name, JsonElement value) {
    String where = "header: tensor " + name + ": ";
    if (!value.isJsonObject()) {
      throw new WeightsException(src, where + "entry is not an object");
    }
    JsonObject o = value.getAsJsonObject();
    JsonElement dt = o.get("dtype");
    if (dt == null || !dt.isJsonPrimitive() || !dt.getAsJsonPrimitive().isString()) {
      throw new WeightsException(src, where + "missing dtype");
    }
    String dtype = dt.getAsString();
    if (elementSize(dtype) < 0) {
      throw new WeightsException(src, where + "unknown dtype " + dtype);
    }
    long[] shapeL = longArray(src, where + "shape", o.get("shape"), -1);
    int[] shape = new int[shapeL.length];
    for (int i = 0; i < shape.length; i++) {
      if (shapeL[i] < 0 || shapeL[i] > Integer.MAX_VALUE) {
        throw new WeightsException(src, where + "bad dimension " + shapeL[i]);
      }
      shape[i] = (int) shapeL[i];
    }
    long[] off = longArray(src, where + "data_offsets", o.get("data_offsets"), 2);
    if (off[0] < 0 || off[1] < off[0]) {
      throw new WeightsException(src, where + "bad data_offsets [" + off[0] + ", " + off[1] + "]");
    }
    SafetensorsEntry entry = new SafetensorsEntry(name, dtype, shape, off[0], off[1]);
    long expected;
    try {
      expected = Math.multiplyExact(entry.elements(), elementSize(dtype));
    } catch (ArithmeticException ex) {
      throw new WeightsException(src, where + "shape too large");
    }
    if (expected != off[1] - off[0]) {
      throw new WeightsException(
          src, where + dtype + java.util.Arrays.toString(shape) + " needs " + expected
              + " bytes but data_offsets [" + off[0] + ", " + off[1] + "] span " + (off[1] - off[0]));
    }
    return entry;
  }

  private static long[] longArray(String src, String what, JsonElement el, int length) {
    if (el == null || !el.isJsonArray()) {
      throw new WeightsException(src, what + " missing or not an array");
    }
    JsonArray a = el.getAsJsonArray();
    if (length >= 0 && a.size() != length) {
      throw new WeightsException(src, what + " has " + a.size() + " values, expected " + length);
    }
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement v = a.get(i);
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw new WeightsException(src, what + "[" + i + "] is not a number");
      }
      java.math.BigDecimal d = v.getAsBigDecimal();
      try {
        out[i] = d.longValueExact();
      } catch (ArithmeticException ex) {
        throw new WeightsException(src, what + "[" + i + "] is not an integer: " + d);
      }
    }
    return out;
  }

  /** The byte ranges must tile {@code [0, dataSize)} exactly. */
  private static void validateLayout(
      String src, Map<String, SafetensorsEntry> entries, long dataSize, long dataStart) {
    List<SafetensorsEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(SafetensorsEntry::begin).thenComparingLong(SafetensorsEntry::end));
    long pos = 0;
    SafetensorsEntry prev = null;
    for (SafetensorsEntry e : sorted) {
      if (e.begin() < pos) {
        throw new WeightsException(
            src, "tensor " + e.name() + " at byte offset " + (dataStart + e.begin()) + " overlaps tensor "
                + prev.name() + " (which ends at byte offset " + (dataStart + pos) + ")");
      }
      if (e.begin() > pos) {
        throw new WeightsException(
            src, "gap in data area: tensor " + e.name() + " begins at byte offset " + (dataStart + e.begin())
                + " but the previous data ends at byte offset " + (dataStart + pos));
      }
      if (e.end() > dataSize) {
        throw new WeightsException(
            src, "truncated: tensor " + e.name() + " ends at byte offset " + (dataStart + e.end())
                + " but the file has " + (dataStart + dataSize) + " bytes");
      }
      pos = e.end();
      prev = e;
    }
    if (pos != dataSize) {
      throw new WeightsException(
          src, "data area ends at byte offset " + (dataStart + pos) + " but the file has "
              + (dataStart + dataSize) + " bytes (trailing data or bad header)");
    }
  }

  /** Bytes per element of a safetensors dtype, or -1 when unknown. */
  static int elementSize(String dtype) {
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

  /**
   * Reads tensor {@code name} as float32.
   *
   * @throws WeightsException if the tensor is absent, its dtype is not F32/F16/BF16, or the read fails
   */
  public Tensor read(String name) {
    SafetensorsEntry e = entries.get(name);
    if (e == null) {
      throw new WeightsException(file.toString(), "missing tensor " + name);
    }
    return read(e, name);
  }

  /** Reads entry {@code e} as float32 and names the result {@code asName}. */
  public Tensor read(SafetensorsEntry e, String asName) {
    String src = file.toString();
    long n = e.elements();
    if (n > Integer.MAX_VALUE - 8) {
      throw new WeightsException(src, "tensor " + e.name() + " has " + n + " elements, too many for one array");
    }
    float[] out = new float[(int) n];
    if (n > 0) {
      MappedByteBuffer buf;
      try {
        buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.end() - e.begin());
      } catch (IOException ex) {
        throw new WeightsException(
            src, "tensor " + e.name() + " at byte offset " + (dataStart + e.begin()) + ": " + ex.getMessage(), ex);
      }
      buf.order(ByteOrder.LITTLE_ENDIAN);
      switch (e.dtype()) {
        case "F32" -> buf.asFloatBuffer().get(out);
        case "F16" -> {
          for (int i = 0; i < out.length; i++) {
            out[i] = dev.x2s.vectors.Half.toFloat(buf.getShort(2 * i));
          }
        }
        case "BF16" -> {
          for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat((buf.getShort(2 * i) & 0xffff) << 16);
          }
        }
        default -> throw new WeightsException(
            src, "tensor " + e.name() + " has dtype " + e.dtype() + "; only F32, F16 and BF16 are supported");
      }
    }
    return new Tensor(asName, e.shape().clone(), out);
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, String src) throws IOException {
    long p = pos;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, p);
      if (r < 0) {
        throw new WeightsException(src, "truncated at byte offset " + p);
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
