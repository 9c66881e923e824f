package dev.x2s.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rates, ETA and bars below are hand-computed from the counts and the fake clock. */
class ProgressTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L); // arbitrary origin
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress.Builder builder() {
    return Progress.builder("extract").clock(now::get).out(new PrintStream(bytes, true, UTF_8));
  }

  private void sleep(double seconds) {
    now.addAndGet((long) (seconds * 1e9));
  }

  private String printed() {
    return bytes.toString(UTF_8);
  }

  @Test
  void knownTotalBarRateEta() {
    Progress p = builder().total(1000).unit("sentences").secondUnit("words").tty(false).build();
    sleep(4);
    p.advance(250, 6000);
    // 250/1000 = 25% → 5 of 20 cells; 250/4 s = 62.5/s; 6000/4 = 1500/s; ETA 750/62.5 = 12 s
    assertEquals("extract [#####---------------]  25.0% 250/1,000 sentences, 6,000 words"
        + " | 62.5 sentences/s, 1.50k words/s | elapsed 0:00:04, ETA 0:00:12", p.line(now.get()));
  }

  @Test
  void unknownTotalHasNoBarNorEta() {
    Progress p = builder().unit("lines").tty(false).build();
    sleep(3725); // 1 h 2 min 5 s
    p.advance(12_345_678);
    // 12,345,678 / 3725 s = 3314.28/s → 3.31k
    assertEquals("extract 12,345,678 lines | 3.31k lines/s | elapsed 1:02:05", p.line(now.get()));
  }

  @Test
  void plainModePrintsEveryTenSecondsOnly() {
    Progress p = builder().total(100).unit("docs").tty(false).build();
    sleep(5);
    p.advance(10); // t=5 s: not yet due
    assertEquals("", printed());
    sleep(5);
    p.advance(10); // t=10 s: due
    sleep(3);
    p.advance(10); // t=13 s: next due at 20 s
    assertEquals("extract [####----------------]  20.0% 20/100 docs | 2.00 docs/s | elapsed 0:00:10,"
        + " ETA 0:00:40\n", printed());
    sleep(7);
    p.advance(10); // t=20 s
    sleep(1);
    p.close(); // t=21 s, 40 docs
    p.close(); // idempotent
    assertEquals("extract [####----------------]  20.0% 20/100 docs | 2.00 docs/s | elapsed 0:00:10,"
        + " ETA 0:00:40\n"
        + "extract [########------------]  40.0% 40/100 docs | 2.00 docs/s | elapsed 0:00:20,"
        + " ETA 0:00:30\n"
        + "extract: done, 40 docs in 0:00:21 (1.90 docs/s)\n", printed());
  }

  @Test
  void ttyModeRedrawsInPlaceAtMostFourTimesASecond() {
    Progress p = builder().unit("x").tty(true).build();
    for (int i = 0; i < 10; i++) {
      sleep(0.1);
      p.advance(1); // due at 0.25 s: printed at t=0.3, 0.6 (next due 0.55), 0.9 (due 0.85)
    }
    p.close(); // t=1.0
    String[] parts = printed().split("\r", -1);
    assertEquals(5, parts.length, printed()); // "", 3 redraws, summary
    assertEquals("extract 3 x | 10.0 x/s | elapsed 0:00:00", parts[1]);
    assertEquals("extract 9 x | 10.0 x/s | elapsed 0:00:00", parts[3]);
    assertEquals("extract: done, 10 x in 0:00:01 (10.0 x/s)\n", parts[4]);
  }

  @Test
  void countsFromManyThreads() throws InterruptedException {
    Progress p = Progress.silent("t");
    Thread[] ts = new Thread[4];
    for (int t = 0; t < ts.length; t++) {
      ts[t] = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          p.advance(1, 3);
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertEquals(40_000, p.count());
    assertEquals(120_000, p.secondCount());
  }

  @Test
  void siAndClockFormats() {
    assertEquals("0.00", Progress.si(0));
    assertEquals("950", Progress.si(950));
    assertEquals("1.00k", Progress.si(999.6));
    assertEquals("12.3M", Progress.si(12_345_678));
    assertEquals("0:00:59", Progress.clockTime(59.99));
    assertEquals("2d 1:00:00", Progress.clockTime(2 * 86_400 + 3600));
  }
}
