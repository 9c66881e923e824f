package dev.x2s.evaluate.scoring;

import java.util.Objects;

/**
 * How much of a benchmark a score rests on: {@code covered} of {@code total} {@code unit}s (for
 * example 998 of 999 pairs under {@code skip}, or 1996 of 1998 words under {@code meanfill}).
 */
public record Coverage(int covered, int total, String unit) {
  public Coverage {
    Objects.requireNonNull(unit, "unit");
    if (covered < 0 || covered > total) {
      throw new IllegalArgumentException("coverage " + covered + "/" + total);
    }
  }

  /** covered / total (1 when total is 0). */
  public double fraction() {
    return total == 0 ? 1 : (double) covered / total;
  }

  @Override
  public String toString() {
    return covered + "/" + total + " " + unit;
  }
}
