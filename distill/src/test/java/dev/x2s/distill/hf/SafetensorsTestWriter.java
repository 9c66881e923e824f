package dev.x2s.distill.hf;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.x2s.distill.weights.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Test-only safetensors writer (F32), used to build variants and broken files; the reader's
 * correctness is checked against files written by the independent Python script.
 */
public final class SafetensorsTestWriter {
  private SafetensorsTestWriter() {}

  /** Writes tensors as F32, in order. */
  public static void write(Path file, Collection<Tensor> tensors) throws IOException {
    JsonObject header = new JsonObject();
    long off = 0;
    for (Tensor t : tensors) {
      JsonObject e = new JsonObject();
      e.addProperty("dtype", "F32");
      JsonArray shape = new JsonArray();
      for (int d : t.shape()) {
        shape.add(d);
      }
      e.add("shape", shape);
      JsonArray offs = new JsonArray();
      offs.add(off);
      offs.add(off + 4L * t.data().length);
      e.add("data_offsets", offs);
      header.add(t.name(), e);
      off += 4L * t.data().length;
    }
    ByteBuffer data = ByteBuffer.allocate((int) off).order(ByteOrder.LITTLE_ENDIAN);
    for (Tensor t : tensors) {
      for (float f : t.data()) {
        data.putFloat(f);
      }
    }
    writeRaw(file, new Gson().toJson(header), data.array());
  }

  /** Writes a header (as given) and data bytes, with the 8-byte length prefix. */
  public static void writeRaw(Path file, String headerJson, byte[] data) throws IOException {
    byte[] h = headerJson.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Files.write(file, b.array());
  }
}
