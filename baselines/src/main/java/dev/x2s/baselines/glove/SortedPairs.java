package dev.x2s.baselines.glove;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongToDoubleFunction;

/** A cursor over (key, sum) pairs in ascending key order: a sorted run file or the in-memory table. */
abstract class SortedPairs implements AutoCloseable {
  long key;
  double value;

  /** Moves to the next pair; false at the end. */
  abstract boolean advance() throws IOException;

  @Override
  public void close() throws IOException {}

  static SortedPairs ofArray(long[] sortedKeys, int n, LongToDoubleFunction sums) {
    return new SortedPairs() {
      int next;

      @Override
      boolean advance() {
        if (next == n) {
          return false;
        }
        key = sortedKeys[next++];
        value = sums.applyAsDouble(key);
        return true;
      }
    };
  }

  static SortedPairs ofRun(Path run) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
    return new SortedPairs() {
      long offset;

      @Override
      boolean advance() throws IOException {
        long k;
        try {
          k = in.readLong();
        } catch (EOFException end) {
          return false;
        }
        try {
          value = in.readDouble();
        } catch (EOFException e) {
          throw new IOException(run + ": truncated co-occurrence run at byte " + offset, e);
        }
        if (k < key) {
          throw new IOException(run + ": co-occurrence run not sorted at byte " + offset);
        }
        key = k;
        offset += 16;
        return true;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** K-way merge: emits each distinct key once with the sum of its values; returns how many. */
  static long merge(List<SortedPairs> sources, PairSink sink) throws IOException {
    PriorityQueue<SortedPairs> heap =
        new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> Long.compare(a.key, b.key));
    for (SortedPairs s : sources) {
      if (s.advance()) {
        heap.add(s);
      }
    }
    long emitted = 0;
    while (!heap.isEmpty()) {
      SortedPairs top = heap.poll();
      long k = top.key;
      double total = top.value;
      if (top.advance()) {
        heap.add(top);
      }
      while (!heap.isEmpty() && heap.peek().key == k) {
        SortedPairs same = heap.poll();
        total += same.value;
        if (same.advance()) {
          heap.add(same);
        }
      }
      sink.accept((int) (k >>> 32), (int) k, total);
      emitted++;
    }
    return emitted;
  }
}
