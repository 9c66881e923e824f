package dev.x2s.teachers.hf;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.vectors.VectorFormatException;
import dev.x2s.vectors.SafetensorsEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Safetensors weights as {@link Tensor}s: the file format itself (validation, memory-mapped reads) is
 * {@link dev.x2s.vectors.SafetensorsReader}, which the shipping code uses too; this adapter
 * names results as tensors and reports defects as {@link WeightsException}, as every weight reader does.
 */
public final class SafetensorsReader implements AutoCloseable {
  private final dev.x2s.vectors.SafetensorsReader reader;

  private SafetensorsReader(dev.x2s.vectors.SafetensorsReader reader) {
    this.reader = reader;
  }

  /** Opens and validates {@code file}; throws {@link WeightsException} naming the file on any defect. */
  public static SafetensorsReader open(Path file) {
    try {
      return new SafetensorsReader(dev.x2s.vectors.SafetensorsReader.open(file));
    } catch (IOException e) {
      throw weights(file, e);
    }
  }

  private static WeightsException weights(Path file, IOException e) {
    String detail = e instanceof VectorFormatException v ? v.detail() : "read failed: " + e.getMessage();
    return new WeightsException(file.toString(), detail, e);
  }

  public Path file() {
    return reader.file();
  }

  /** Tensor entries by name (sorted by name). */
  public Map<String, SafetensorsEntry> entries() {
    return reader.entries();
  }

  /** The {@code __metadata__} map (empty when absent). */
  public Map<String, String> metadata() {
    return reader.metadata();
  }

  public boolean contains(String name) {
    return reader.contains(name);
  }

  /**
   * Reads tensor {@code name} as float32.
   *
   * @throws WeightsException if the tensor is absent, its dtype is not F32/F16/BF16, or the read fails
   */
  public Tensor read(String name) {
    SafetensorsEntry e = reader.entries().get(name);
    if (e == null) {
      throw new WeightsException(reader.file().toString(), "missing tensor " + name);
    }
    return read(e, name);
  }

  /** Reads entry {@code e} as float32 and names the result {@code asName}. */
  public Tensor read(SafetensorsEntry e, String asName) {
    try {
      return new Tensor(asName, e.shape().clone(), reader.readFloats(e));
    } catch (IOException ex) {
      throw weights(reader.file(), ex);
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
