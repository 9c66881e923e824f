package dev.x2s.teachers.hf;

import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/** Writes F32 {@link Tensor}s as a safetensors file, atomically (through the shipping writer). */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  public static void write(Path file, Collection<Tensor> tensors) throws IOException {
    dev.x2s.vectors.SafetensorsWriter w = new dev.x2s.vectors.SafetensorsWriter();
    for (Tensor t : tensors) {
      w.add(t.name(), "F32", t.shape(), t.data());
    }
    w.write(file);
  }
}
