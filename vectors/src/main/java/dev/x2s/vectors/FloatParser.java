package dev.x2s.vectors;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal floats straight from bytes, correctly rounded (bit-identical to {@link
 * Float#parseFloat}).
 *
 * <p>Fast path (Clinger): with at most 18 significant digits {@code m} (a long cannot overflow) and
 * a decimal exponent {@code |e| ≤ 22}, {@code m < 2^53} and {@code 10^|e|} are exact doubles, so
 * {@code m·10^e} (or
 * {@code m/10^|e|}) is one correctly rounded double operation. Rounding that double to float is
 * correct unless the double lies exactly on a midpoint between two floats (then the exact value
 * might have been just above or below it): those rare cases, and everything outside the fast path
 * (more digits, huge exponents, subnormals), fall back to {@code Float.parseFloat}. Results of the
 * fast path lie in [1e-22, 9.3e37], far from float subnormals and overflow, so every float there
 * is normal and its midpoints are those doubles whose low 29 fraction bits are {@code 1000…0}.
 *
 * <p>Accepted syntax: {@code [+-]? digits? (. digits?)? ([eE][+-]?digits)?} with at least one
 * mantissa digit; anything else (hex, "NaN", "Infinity", suffixes) is rejected with {@link #BAD}.
 */
final class FloatParser {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** Marker for a syntax error (a NaN with a payload that no valid input produces). */
  static final float BAD = Float.intBitsToFloat(0x7fc0_dead);

  private FloatParser() {}

  /** True when {@code v} is the {@link #BAD} marker. */
  static boolean isBad(float v) {
    return Float.floatToRawIntBits(v) == 0x7fc0_dead;
  }

  /**
   * Parses {@code b[start, end)}. Returns {@link #BAD} on a syntax error; values that overflow
   * come back as ±Infinity (callers reject non-finite values).
   */
  static float parse(byte[] b, int start, int end) {
    int i = start;
    if (i >= end) {
      return BAD;
    }
    boolean negative = false;
    byte c = b[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exp10 = 0;
    int digits = 0;
    boolean truncated = false;
    // integer part
    while (i < end) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      digits++;
      if (significant < 18) {
        if (mantissa != 0 || d != 0) {
          mantissa = mantissa * 10 + d;
          significant++;
        }
      } else {
        exp10++;
        truncated |= d != 0;
      }
      i++;
    }
    if (i < end && b[i] == '.') {
      i++;
      while (i < end) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        digits++;
        if (significant < 18) {
          if (mantissa != 0 || d != 0) {
            mantissa = mantissa * 10 + d;
            significant++;
          }
          exp10--;
        } else {
          truncated |= d != 0;
        }
        i++;
      }
    }
    if (digits == 0) {
      return BAD;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        expNegative = b[i] == '-';
        i++;
      }
      int expDigits = 0;
      int e = 0;
      while (i < end) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (e < 100_000) {
          e = e * 10 + d;
        }
        expDigits++;
        i++;
      }
      if (expDigits == 0) {
        return BAD;
      }
      exp10 += expNegative ? -e : e;
    }
    if (i != end) {
      return BAD;
    }
    if (mantissa == 0) {
      return negative ? -0.0f : 0.0f;
    }
    if (!truncated && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
      double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
      long bits = Double.doubleToRawLongBits(v);
      if ((bits & 0x1FFF_FFFFL) != 0x1000_0000L) {
        float f = (float) v;
        return negative ? -f : f;
      }
    }
    return Float.parseFloat(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
