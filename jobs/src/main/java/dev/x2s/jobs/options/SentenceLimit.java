package dev.x2s.jobs.options;

/**
 * How many sentences of a corpus a job reads: the first {@code N}, or all of them. One convention for
 * every command and file: {@code 0} (or {@code all}) means all, on the command line, in YAML and in
 * provenance; in code, {@link #ALL} and {@link #max()} ({@code Long.MAX_VALUE} for all), so a loop reads
 * {@code while (n < limit.max())}.
 *
 * @param max the most sentences read ({@code Long.MAX_VALUE}: all)
 */
public record SentenceLimit(long max) {
  /** Every sentence. */
  public static final SentenceLimit ALL = new SentenceLimit(Long.MAX_VALUE);

  public SentenceLimit {
    if (max < 1) {
      throw new IllegalArgumentException("a sentence limit must be at least 1 (0 or 'all' means all), not " + max);
    }
  }

  /** At most {@code n} sentences; {@code 0} means all. */
  public static SentenceLimit of(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("must be a number of sentences (0 or 'all' = all), not " + n);
    }
    return n == 0 || n == Long.MAX_VALUE ? ALL : new SentenceLimit(n);
  }

  /** Reads {@code all}, {@code 0} (all) or a positive count, as text or a number. */
  public static SentenceLimit parse(Object raw) {
    if (raw instanceof SentenceLimit s) {
      return s;
    }
    if (raw instanceof Integer || raw instanceof Long) {
      return of(((Number) raw).longValue());
    }
    String s = String.valueOf(raw).strip();
    if (s.equalsIgnoreCase("all")) {
      return ALL;
    }
    try {
      return of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number of sentences or 'all' (0 = all), not '" + raw + "'");
    }
  }

  public boolean isAll() {
    return max == Long.MAX_VALUE;
  }

  /** The limit as written in files: the count, {@code 0} for all. */
  public long json() {
    return isAll() ? 0 : max;
  }

  /** {@code all} or the count. */
  @Override
  public String toString() {
    return isAll() ? "all" : Long.toString(max);
  }
}
