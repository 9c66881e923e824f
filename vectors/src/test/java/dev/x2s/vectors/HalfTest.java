package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HalfTest {
  private static int h(float f) {
    return Half.fromFloat(f) & 0xffff;
  }

  /** Every half converts to float and back to itself (NaNs stay NaN). */
  @Test
  void exhaustiveHalfRoundTrip() {
    for (int bits = 0; bits < 1 << 16; bits++) {
      float f = Half.toFloat((short) bits);
      boolean nan = (bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0;
      if (nan) {
        assertTrue(Float.isNaN(f));
        int back = h(f);
        assertTrue((back & 0x7c00) == 0x7c00 && (back & 0x3ff) != 0, "NaN stays NaN");
      } else {
        assertEquals(bits, h(f), () -> "half " + Integer.toHexString(0));
      }
    }
  }

  /** toFloat matches the definition (-1)^s · 2^(e-15) · (1 + m/1024), subnormals 2^-14 · m/1024. */
  @Test
  void toFloatMatchesDefinition() {
    for (int bits = 0; bits < 0x7c00; bits++) {
      int e = bits >>> 10;
      int m = bits & 0x3ff;
      double v = e == 0 ? Math.scalb(m / 1024.0, -14) : Math.scalb(1 + m / 1024.0, e - 15);
      assertEquals((float) v, Half.toFloat((short) bits));
      assertEquals((float) -v, Half.toFloat((short) (bits | 0x8000)));
    }
  }

  /**
   * Between every two adjacent finite halves: the exact midpoint rounds to the even one, and the
   * floats just below/above it round down/up.
   */
  @Test
  void roundsToNearestEvenAtEveryMidpoint() {
    for (int bits = 0; bits < 0x7bff; bits++) {
      float lo = Half.toFloat((short) bits);
      float hi = Half.toFloat((short) (bits + 1));
      float mid = (float) (((double) lo + hi) / 2); // exact: needs 12 significant bits
      assertEquals(((double) lo + hi) / 2, mid, 0.0);
      int even = (bits & 1) == 0 ? bits : bits + 1;
      assertEquals(even, h(mid), "tie at " + mid);
      assertEquals(bits, h(Math.nextDown(mid)));
      assertEquals(bits + 1, h(Math.nextUp(mid)));
      assertEquals(even | 0x8000, h(-mid));
    }
  }

  @Test
  void overflowUnderflowAndSpecials() {
    assertEquals(0x7bff, h(65504f));
    assertEquals(0x7bff, h(Math.nextDown(65520f)));
    assertEquals(0x7c00, h(65520f)); // the midpoint to "65536" rounds to even = infinity
    assertEquals(0x7c00, h(1e10f));
    assertEquals(0xfc00, h(-1e10f));
    assertEquals(0x7c00, h(Float.POSITIVE_INFINITY));
    assertEquals(0xfc00, h(Float.NEGATIVE_INFINITY));
    assertEquals(0x0001, h(0x1p-24f));
    assertEquals(0x0000, h(0x1p-25f)); // tie between 0 and the smallest subnormal: even = 0
    assertEquals(0x0001, h(Math.nextUp(0x1p-25f)));
    assertEquals(0x0002, h(3 * 0x1p-25f)); // tie between 1 and 2 → 2
    assertEquals(0x0000, h(Float.MIN_VALUE));
    assertEquals(0x8000, h(-0f));
    assertEquals(0x0400, h(0x1p-14f)); // smallest normal
    assertEquals(0x0400, h(Math.nextDown(0x1p-14f))); // rounds up into the normal range
    assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
  }

  /** Reference conversions by numpy (see numpy/make_reference.py for the command). */
  @Test
  void matchesNumpy() throws Exception {
    int n = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/numpy/fp16.tsv"), StandardCharsets.US_ASCII))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] p = line.split("\t");
        float f = Float.intBitsToFloat(Integer.parseUnsignedInt(p[0], 16));
        int expected = Integer.parseInt(p[1], 16);
        assertEquals(expected, h(f), () -> "float " + f + " (" + p[0] + ")");
        n++;
      }
    }
    assertTrue(n > 4000);
  }

  /** The table decode is the branchy decode, bit for bit, on every one of the 65,536 halves (NaNs too). */
  @Test
  void tableDecodeEqualsDecodeEverywhere() {
    for (int h = 0; h < 1 << 16; h++) {
      assertEquals(Float.floatToRawIntBits(Half.toFloat((short) h)), Float.floatToRawIntBits(Half.toFloatFast((short) h)),
          "half " + Integer.toHexString(h));
    }
  }
}
