package dev.x2s.teachers.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;

/** Writes F32 tensors as a safetensors file (8-byte header length, JSON header, data), atomically. */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

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
    byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
    dev.x2s.vectors.AtomicFiles.write(file, out -> {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
      out.write(h);
      for (Tensor t : tensors) {
        ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t.data());
        out.write(b.array());
      }
    });
  }
}
