package dev.x2s.teachers.tf;

import dev.x2s.teachers.proto.ProtoReader;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads float tensors from a TensorFlow tensor bundle (the {@code variables/} of a SavedModel or a TF
 * checkpoint): {@code <prefix>.index} (an {@link SsTable} of {@code BundleEntryProto}s, whose {@code ""}
 * key is the {@code BundleHeaderProto}) and data shards {@code <prefix>.data-NNNNN-of-MMMMM}. Every
 * tensor read is checked against its masked CRC32C; index blocks against theirs.
 */
public final class TensorBundleReader {
  private final Path index;
  private final List<Path> shards;
  private final Map<String, BundleEntry> entries;
  private final ByteOrder order;

  private TensorBundleReader(Path index, List<Path> shards, Map<String, BundleEntry> entries, ByteOrder order) {
    this.index = index;
    this.shards = shards;
    this.entries = entries;
    this.order = order;
  }

  /** Opens {@code <prefix>.index} and its data shards (e.g. prefix {@code .../variables/variables}). */
  public static TensorBundleReader open(Path prefix) {
    Path index = prefix.resolveSibling(prefix.getFileName() + ".index");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(index);
    } catch (NoSuchFileException e) {
      throw new WeightsException(index.toString(), "tensor bundle index not found");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + index, e);
    }
    String src = index.toString();
    Map<String, byte[]> table = SsTable.read(bytes, src);
    byte[] header = table.get("");
    if (header == null) {
      throw new WeightsException(src, "no bundle header (empty key) in the index");
    }
    int numShards = 1;
    int endianness = 0;
    ProtoReader r = new ProtoReader(src + " [bundle header]", header);
    while (r.hasMore()) {
      int tag = r.readKey();
      switch (tag >>> 3) {
        case 1 -> numShards = (int) r.readVarint();
        case 2 -> endianness = (int) r.readVarint();
        default -> r.skip(tag);
      }
    }
    if (numShards < 1) {
      throw new WeightsException(src, "bundle header says " + numShards + " shards");
    }
    List<Path> shards = new ArrayList<>();
    for (int i = 0; i < numShards; i++) {
      shards.add(prefix.resolveSibling(
          String.format("%s.data-%05d-of-%05d", prefix.getFileName(), i, numShards)));
    }
    Map<String, BundleEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : table.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      BundleEntry be = BundleEntry.parse(e.getKey(),
          new ProtoReader(src + " [entry of tensor " + e.getKey() + "]", e.getValue()));
      if (be.shardId() < 0 || be.shardId() >= numShards) {
        throw new WeightsException(src, "tensor " + be.name() + " in shard " + be.shardId() + " of " + numShards);
      }
      entries.put(e.getKey(), be);
    }
    return new TensorBundleReader(index, List.copyOf(shards), Collections.unmodifiableMap(entries),
        endianness == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
  }

  /** Every tensor's entry by TF name, in key order. */
  public Map<String, BundleEntry> entries() {
    return entries;
  }

  public Path index() {
    return index;
  }

  /**
   * Reads one float32 tensor, verifying its checksum.
   *
   * @param name TF variable name
   * @param newName name to give the returned tensor
   */
  public Tensor readFloat(String name, String newName) {
    BundleEntry e = entries.get(name);
    if (e == null) {
      throw new WeightsException(index.toString(), "missing tensor " + name);
    }
    Path shard = shards.get(e.shardId());
    String src = shard.toString();
    if (e.dtype() != BundleEntry.DT_FLOAT) {
      throw new WeightsException(src, "tensor " + name + " has dtype " + e.dtype() + ", expected float32 (1)");
    }
    if (e.sliced()) {
      throw new WeightsException(src, "tensor " + name + " is stored as slices (partitioned); unsupported");
    }
    long n = e.numElements();
    if (n * 4 != e.size() || n > Integer.MAX_VALUE / 4) {
      throw new WeightsException(src, "tensor " + name + " has " + e.size() + " bytes for shape "
          + java.util.Arrays.toString(e.shape()));
    }
    ByteBuffer buf = ByteBuffer.allocate((int) e.size()).order(order);
    try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.READ)) {
      if (e.offset() < 0 || e.offset() + e.size() > ch.size()) {
        throw new WeightsException(src, "tensor " + name + " at byte " + e.offset() + " (+" + e.size()
            + ") runs past the end of the shard (" + ch.size() + " bytes): truncated");
      }
      long pos = e.offset();
      while (buf.hasRemaining()) {
        int got = ch.read(buf, pos);
        if (got < 0) {
          throw new WeightsException(src, "tensor " + name + ": unexpected end of file at byte " + pos);
        }
        pos += got;
      }
    } catch (NoSuchFileException ex) {
      throw new WeightsException(src, "data shard not found (needed for tensor " + name + ")");
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + src, ex);
    }
    buf.flip();
    int actual = MaskedCrc32c.crc(buf);
    int expected = MaskedCrc32c.unmask(e.maskedCrc32c());
    if (actual != expected) {
      throw new WeightsException(src, String.format(
          "checksum mismatch for tensor %s at byte %d (+%d): stored crc32c 0x%08x, computed 0x%08x",
          name, e.offset(), e.size(), expected, actual));
    }
    float[] data = new float[(int) n];
    buf.asFloatBuffer().get(data);
    int[] shape = new int[e.shape().length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Math.toIntExact(e.shape()[i]);
    }
    return new Tensor(newName, shape, data);
  }

  /** Lists the bundle's tensors: {@code java ... TensorBundleReader <prefix>}. */
  public static void main(String[] args) {
    TensorBundleReader r = open(Path.of(args[0]));
    r.entries().values().forEach(System.out::println);
  }
}
