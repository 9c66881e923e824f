package dev.x2s.jobs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on stderr for a long stage: count (of a known or unknown total), a bar,
 * rate in the main unit and optionally a second unit (e.g. sentences/s and words/s), elapsed time and
 * ETA. On a terminal the line is redrawn in place ({@code \r}) at most every {@code 250 ms}; otherwise
 * (CI logs) a plain line is printed every {@code 10 s}. {@link #close()} prints a final summary line.
 *
 * <p>Rates and the ETA use the average since the start: steady for long runs, and exactly reproducible
 * from the counts and the clock (tests use a fake clock). Counters are thread-safe; any thread may call
 * {@link #advance}; printing happens on the calling thread when the interval has passed.
 */
public final class Progress implements AutoCloseable {
  private final String label;
  private final long total;
  private final String unit;
  private final String secondUnit;
  private final PrintStream out;
  private final boolean tty;
  private final LongSupplier clock;
  private final long intervalNanos;
  private final long start;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong second = new AtomicLong();
  private final AtomicLong nextPrint;
  private int lastWidth;
  private boolean closed;

  private Progress(Builder b) {
    this.label = b.label;
    this.total = b.total;
    this.unit = b.unit;
    this.secondUnit = b.secondUnit;
    this.out = b.out;
    this.tty = b.tty;
    this.clock = b.clock;
    this.intervalNanos = b.intervalNanos > 0 ? b.intervalNanos : (tty ? 250_000_000L : 10_000_000_000L);
    this.start = clock.getAsLong();
    this.nextPrint = new AtomicLong(start + intervalNanos);
  }

  /** @param label the stage name printed first ({@code extract}, {@code count}) */
  public static Builder builder(String label) {
    return new Builder(label);
  }

  /** A reporter that counts but prints nothing. */
  public static Progress silent(String label) {
    return builder(label).out(new PrintStream(java.io.OutputStream.nullOutputStream())).tty(false).build();
  }

  /** Adds {@code n} units. */
  public void advance(long n) {
    advance(n, 0);
  }

  /** Adds {@code n} units and {@code n2} second units. */
  public void advance(long n, long n2) {
    count.addAndGet(n);
    if (n2 != 0) {
      second.addAndGet(n2);
    }
    long now = clock.getAsLong();
    long due = nextPrint.get();
    if (now - due >= 0 && nextPrint.compareAndSet(due, now + intervalNanos)) {
      print(now);
    }
  }

  public long count() {
    return count.get();
  }

  public long secondCount() {
    return second.get();
  }

  private synchronized void print(long now) {
    if (closed) {
      return;
    }
    String line = line(now);
    if (tty) {
      int pad = Math.max(0, lastWidth - line.length());
      out.print("\r" + line + " ".repeat(pad));
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** The progress line at clock value {@code now}. */
  String line(long now) {
    long n = count.get();
    double sec = Math.max(0, now - start) / 1e9;
    StringBuilder sb = new StringBuilder(label);
    if (total > 0) {
      double f = Math.min(1.0, (double) n / total);
      int filled = (int) Math.floor(f * BAR);
      sb.append(" [").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append(']');
      sb.append(String.format(Locale.ROOT, " %5.1f%% %,d/%,d %s", 100 * f, n, total, unit));
    } else {
      sb.append(String.format(Locale.ROOT, " %,d %s", n, unit));
    }
    if (secondUnit != null) {
      sb.append(String.format(Locale.ROOT, ", %,d %s", second.get(), secondUnit));
    }
    if (sec > 0) {
      sb.append(" | ").append(si(n / sec)).append(' ').append(unit).append("/s");
      if (secondUnit != null) {
        sb.append(", ").append(si(second.get() / sec)).append(' ').append(secondUnit).append("/s");
      }
    }
    sb.append(" | elapsed ").append(clockTime(sec));
    if (total > 0 && n < total) {
      sb.append(", ETA ").append(n > 0 && sec > 0 ? clockTime((total - n) * sec / n) : "?");
    }
    return sb.toString();
  }

  /** The summary line at clock value {@code now}. */
  String summary(long now) {
    long n = count.get();
    double sec = Math.max(0, now - start) / 1e9;
    StringBuilder sb = new StringBuilder(label).append(": done, ");
    sb.append(String.format(Locale.ROOT, "%,d %s", n, unit));
    if (secondUnit != null) {
      sb.append(String.format(Locale.ROOT, ", %,d %s", second.get(), secondUnit));
    }
    sb.append(" in ").append(clockTime(sec));
    if (sec > 0) {
      sb.append(" (").append(si(n / sec)).append(' ').append(unit).append("/s");
      if (secondUnit != null) {
        sb.append(", ").append(si(second.get() / sec)).append(' ').append(secondUnit).append("/s");
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** Prints the summary line (once). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    String s = summary(clock.getAsLong());
    if (tty) {
      int pad = Math.max(0, lastWidth - s.length());
      out.println("\r" + s + " ".repeat(pad));
    } else {
      out.println(s);
    }
    out.flush();
    closed = true;
  }

  private static final int BAR = 20;

  /** 3 significant digits with an SI suffix: 950, 9.50k, 12.3M. */
  static String si(double v) {
    String[] suffix = {"", "k", "M", "G", "T"};
    int i = 0;
    while (Math.abs(v) >= 999.5 && i < suffix.length - 1) {
      v /= 1000;
      i++;
    }
    String num = Math.abs(v) >= 99.95 ? String.format(Locale.ROOT, "%.0f", v)
        : Math.abs(v) >= 9.995 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
    return num + suffix[i];
  }

  /** {@code H:MM:SS}, seconds rounded down; {@code D d H:MM:SS} beyond a day. */
  static String clockTime(double seconds) {
    long s = (long) Math.floor(seconds);
    long d = s / 86_400;
    s %= 86_400;
    String hms = String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    return d > 0 ? d + "d " + hms : hms;
  }

  /** Options for a {@link Progress}. */
  public static final class Builder {
    private final String label;
    private long total;
    private String unit = "items";
    private String secondUnit;
    private PrintStream out = System.err;
    private boolean tty = System.console() != null;
    private LongSupplier clock = System::nanoTime;
    private long intervalNanos;

    private Builder(String label) {
      this.label = label;
    }

    /** Expected total in the main unit; 0 or less when unknown (no bar, no ETA). */
    public Builder total(long total) {
      this.total = total;
      return this;
    }

    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    /** A second counted unit (e.g. {@code words}); none by default. */
    public Builder secondUnit(String secondUnit) {
      this.secondUnit = secondUnit;
      return this;
    }

    /** Where to print (stderr by default). */
    public Builder out(PrintStream out) {
      this.out = out;
      return this;
    }

    /** Redraw in place; defaults to whether the JVM has a console. */
    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** Nanosecond clock (tests). */
    public Builder clock(LongSupplier nanos) {
      this.clock = nanos;
      return this;
    }

    /** Minimum time between lines; defaults to 250 ms on a terminal, 10 s otherwise. */
    public Builder intervalMillis(long millis) {
      this.intervalNanos = millis * 1_000_000L;
      return this;
    }

    public Progress build() {
      return new Progress(this);
    }
  }
}
