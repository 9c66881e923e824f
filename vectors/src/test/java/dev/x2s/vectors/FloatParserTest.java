package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FloatParser must be bit-identical to Float.parseFloat (the reference) on every valid input. */
class FloatParserTest {
  private static final long SEED = 0x5eed_f10a7L;

  private static float parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return FloatParser.parse(b, 0, b.length);
  }

  private static void check(String s) {
    float expected = Float.parseFloat(s);
    float actual = parse(s);
    assertEquals(
        Float.floatToRawIntBits(expected),
        Float.floatToRawIntBits(actual),
        () -> "\"" + s + "\": expected " + expected + " got " + actual + " (seed " + SEED + ")");
  }

  @Test
  void edgeValues() {
    String[] values = {
      "0", "-0", "0.0", "-0.0", "+0", "1", "-1", "1e-45", "1.4e-45", "7e-46", "7.1e-46", "1e-46",
      "1.17549435e-38", "1.1754942e-38", "3.4028235e38", "3.4028236e38", "3.40282357e38",
      "3.4028235677973366e38", "1e39", "-1e39", "0.1", "0.2", "0.3", "1.0E-5", "1E5", "1e+5",
      ".5", "5.", "-.5e-3", "123456789012345678901234567890", "0.000000000000000000000000000001",
      "1.00000005960464477539062", "1.000000059604644775390625", "1.0000000596046447753906251",
      "16777217", "16777216.5", "33554431", "9007199254740993", "0.30000001192092896",
      "1e22", "1e23", "1e-22", "1e-23", "4.7019774e-38", "2.3509886e-38", "8388608.5",
      "8388609.5", "0.000123456789", "-1234.5678", "3.14159265358979323846264338327950288",
      "1e0000000000000000000000000000000000001", "0e999999999", "1e-999999999", "00000.00001",
    };
    for (String s : values) {
      check(s);
    }
  }

  @Test
  void randomFloatsRoundTripThroughToString() {
    Random rnd = new Random(SEED);
    for (int i = 0; i < 300_000; i++) {
      float f = Float.intBitsToFloat(rnd.nextInt());
      if (!Float.isFinite(f)) {
        continue;
      }
      check(Float.toString(f));
      check(Float.toString(f).replace("E", "e"));
    }
  }

  @Test
  void randomDecimalStrings() {
    Random rnd = new Random(SEED + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      sb.setLength(0);
      if (rnd.nextBoolean()) {
        sb.append('-');
      }
      int intDigits = rnd.nextInt(6);
      for (int k = 0; k < intDigits; k++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      int fracDigits = rnd.nextInt(intDigits == 0 ? 24 : 22) + (intDigits == 0 ? 1 : 0);
      if (fracDigits > 0) {
        sb.append('.');
        for (int k = 0; k < fracDigits; k++) {
          sb.append((char) ('0' + rnd.nextInt(10)));
        }
      }
      if (rnd.nextInt(3) == 0) {
        sb.append('e').append(rnd.nextInt(90) - 50);
      }
      check(sb.toString());
    }
  }

  /** Values on or next to float midpoints, where double rounding would go wrong. */
  @Test
  void midpoints() {
    Random rnd = new Random(SEED + 2);
    for (int i = 0; i < 30_000; i++) {
      float f = Float.intBitsToFloat(rnd.nextInt(0x7f00_0000));
      double mid = ((double) f + Math.nextUp(f)) / 2; // exact in double
      java.math.BigDecimal m = new java.math.BigDecimal(mid);
      check(m.toString());
      check(m.add(java.math.BigDecimal.valueOf(1, 60)).toString());
      check(m.subtract(java.math.BigDecimal.valueOf(1, 60)).toString());
      check(new java.math.BigDecimal(mid).round(new java.math.MathContext(17)).toString());
    }
  }

  @Test
  void rejectsBadSyntax() {
    String[] bad = {
      "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "NaN", "nan", "Infinity", "-inf",
      "0x1p3", "1f", "1d", "--1", "1 ", " 1", "1e5.5", "١"
    };
    for (String s : bad) {
      assertTrue(FloatParser.isBad(parse(s)), () -> "should reject \"" + s + "\"");
    }
  }
}
