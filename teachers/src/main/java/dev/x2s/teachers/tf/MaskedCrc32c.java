package dev.x2s.teachers.tf;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C as TensorFlow and LevelDB store it: masked, so that a CRC of data that itself contains CRCs
 * is not trivially related to them ({@code tensorflow/core/lib/hash/crc32c.h}).
 */
public final class MaskedCrc32c {
  private static final int MASK_DELTA = 0xa282ead8;

  private MaskedCrc32c() {}

  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  public static int unmask(int masked) {
    int rot = masked - MASK_DELTA;
    return (rot >>> 17) | (rot << 15);
  }

  /** Plain CRC32C of {@code len} bytes of {@code b} from {@code off}. */
  public static int crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /** Plain CRC32C of a buffer's remaining bytes (position unchanged). */
  public static int crc(ByteBuffer buf) {
    CRC32C c = new CRC32C();
    c.update(buf.duplicate());
    return (int) c.getValue();
  }
}
