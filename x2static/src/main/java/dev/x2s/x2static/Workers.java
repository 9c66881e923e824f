package dev.x2s.x2static;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon threads for the student's steps. Work is split into units whose results do not
 * depend on which thread ran them, so a run is deterministic for any thread count.
 */
final class Workers implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  Workers(int threads, String name) {
    this.threads = Math.max(1, threads);
    this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  int threads() {
    return threads;
  }

  /** Runs {@code unit(0..units-1)}, each unit once, on up to {@link #threads} threads taking units in turn. */
  void forEachUnit(int units, IntConsumer unit) {
    AtomicInteger next = new AtomicInteger();
    onThreads(Math.min(threads, units), t -> {
      for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
        unit.accept(u);
      }
    });
  }

  /** Runs {@code body(0..n-1)} in contiguous ranges, one per thread. */
  void forRange(int n, IntConsumer body) {
    int parts = Math.min(threads, n);
    onThreads(parts, t -> {
      for (int i = (int) ((long) n * t / parts), to = (int) ((long) n * (t + 1) / parts); i < to; i++) {
        body.accept(i);
      }
    });
  }

  /** Runs {@code task(0..n-1)} concurrently (in the caller's thread when n ≤ 1 or single-threaded). */
  private void onThreads(int n, IntConsumer task) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      final int index = i;
      fs.add(pool.submit(() -> task.accept(index)));
    }
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
