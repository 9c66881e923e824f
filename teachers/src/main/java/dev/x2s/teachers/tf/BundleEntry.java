package dev.x2s.teachers.tf;

import dev.x2s.teachers.proto.ProtoReader;
import java.util.Arrays;

/**
 * One tensor's entry in a tensor bundle's index ({@code BundleEntryProto}): where its bytes are and
 * their checksum.
 *
 * @param name TF variable name
 * @param dtype TF {@code DataType} enum value (1 = float32)
 * @param shape dimensions, outermost first
 * @param shardId data shard holding the bytes
 * @param offset byte offset in that shard
 * @param size byte length
 * @param maskedCrc32c masked CRC32C of the bytes
 * @param sliced whether the tensor is stored as slices (partitioned variables; unsupported)
 */
public record BundleEntry(
    String name, int dtype, long[] shape, int shardId, long offset, long size, int maskedCrc32c,
    boolean sliced) {
  /** TF's {@code DT_FLOAT}. */
  public static final int DT_FLOAT = 1;

  public long numElements() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /**
   * Decodes a {@code BundleEntryProto}.
   *
   * @param r a cursor over the entry's bytes, its source naming the index file and the tensor
   */
  static BundleEntry parse(String name, ProtoReader r) {
    int dtype = 0;
    long[] shape = new long[0];
    int shard = 0;
    long offset = 0;
    long size = 0;
    int crc = 0;
    boolean sliced = false;
    while (r.hasMore()) {
      int tag = r.readKey();
      switch (tag >>> 3) {
        case 1 -> dtype = (int) r.readVarint();
        case 2 -> shape = parseShape(r.readMessage());
        case 3 -> shard = (int) r.readVarint();
        case 4 -> offset = r.readVarint();
        case 5 -> size = r.readVarint();
        case 6 -> crc = r.readFixed32();
        case 7 -> {
          sliced = true;
          r.skip(tag);
        }
        default -> r.skip(tag);
      }
    }
    return new BundleEntry(name, dtype, shape, shard, offset, size, crc, sliced);
  }

  /** {@code TensorShapeProto}: repeated {@code Dim dim = 2} with {@code int64 size = 1}. */
  private static long[] parseShape(ProtoReader r) {
    long[] dims = new long[0];
    while (r.hasMore()) {
      int tag = r.readKey();
      if (tag >>> 3 == 2) {
        ProtoReader d = r.readMessage();
        long size = 0;
        while (d.hasMore()) {
          int t = d.readKey();
          if (t >>> 3 == 1) {
            size = d.readVarint();
          } else {
            d.skip(t);
          }
        }
        dims = Arrays.copyOf(dims, dims.length + 1);
        dims[dims.length - 1] = size;
      } else {
        r.skip(tag);
      }
    }
    return dims;
  }

  @Override
  public String toString() {
    return name + " dtype=" + dtype + " " + Arrays.toString(shape) + " shard=" + shardId + " @" + offset
        + "+" + size;
  }
}
