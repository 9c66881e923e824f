package dev.x2s.teachers.hf;

import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Test helper: the production {@link SafetensorsWriter} plus raw writes for broken files; the reader's
 * correctness is checked against files written by the independent Python script.
 */
public final class SafetensorsTestWriter {
  private SafetensorsTestWriter() {}

  /** Writes tensors as F32, in order (the production writer). */
  public static void write(Path file, Collection<Tensor> tensors) throws IOException {
    SafetensorsWriter.write(file, tensors);
  }

  /** Writes a header (as given) and data bytes, with the 8-byte length prefix. */
  public static void writeRaw(Path file, String headerJson, byte[] data) throws IOException {
    byte[] h = headerJson.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Files.write(file, b.array());
  }
}
