package dev.x2s.vectors;

/**
 * IEEE 754 binary16 conversions for Java 17 (which lacks {@code Float.floatToFloat16}): float to
 * half with round-to-nearest-even (subnormals, overflow to infinity, NaN kept quiet with the top
 * payload bits), half to float exactly.
 */
public final class Half {
  private Half() {}

  /** The binary16 bits (low 16 bits of the result) nearest to {@code f}, ties to even. */
  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xff;
    int mant = bits & 0x7f_ffff;
    if (exp == 0xff) {
      // Inf stays Inf; NaN keeps its top payload bits and is forced quiet so it stays a NaN.
      return (short) (sign | 0x7c00 | (mant == 0 ? 0 : 0x0200 | (mant >>> 13)));
    }
    int e = exp - 127 + 15; // biased half exponent
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00); // too large even before rounding
    }
    if (e <= 0) {
      // Result is subnormal (or zero): value = mant' · 2^-24 with mant' = full significand >> shift.
      if (e < -10) {
        return (short) sign; // below half of the smallest subnormal: rounds to zero
      }
      int full = mant | 0x80_0000; // implicit bit (exp > 0 here, since e >= -10)
      int shift = 14 - e; // 13 bits for the mantissa width plus (1 - e) for the denormalisation
      int half = full >>> shift;
      int rest = full & ((1 << shift) - 1);
      int mid = 1 << (shift - 1);
      if (rest > mid || (rest == mid && (half & 1) != 0)) {
        half++; // may carry into the smallest normal, which is the correct encoding
      }
      return (short) (sign | half);
    }
    int half = (e << 10) | (mant >>> 13);
    int rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
      half++; // a carry into the exponent is correct, and 0x7c00 is infinity on overflow
    }
    return (short) (sign | half);
  }

  /** The float equal to the binary16 {@code h} (low 16 bits). */
  public static float toFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f80_0000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f; // exact: mant < 2^10
      return sign == 0 ? v : -v;
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  /**
   * {@link #toFloat} through a 65,536-entry table (256 KiB, built on first use): the decode for bulk readers'
   * inner loops (x2v files, the row store), where the table beats the branches.
   */
  public static float toFloatFast(short h) {
    return Table.FLOATS[h & 0xffff];
  }

  private static final class Table {
    static final float[] FLOATS = new float[1 << 16];

    static {
      for (int h = 0; h < FLOATS.length; h++) {
        FLOATS[h] = toFloat((short) h);
      }
    }
  }
}
