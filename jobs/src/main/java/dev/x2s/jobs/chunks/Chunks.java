package dev.x2s.jobs.chunks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.ToIntFunction;

/** Cuts a stream of items into consecutive chunks, the unit of batching, checkpoints and shards. */
public final class Chunks {
  private Chunks() {}

  /**
   * Consecutive chunks of {@code in}: items are added while the chunk's size (the sum of {@code size}
   * over its items) stays within {@code maxSize}; an item alone is always a chunk.
   */
  public static <T> Iterator<List<T>> of(Iterator<T> in, int maxSize, ToIntFunction<T> size) {
    return new Iterator<>() {
      private T carry;

      @Override
      public boolean hasNext() {
        return carry != null || in.hasNext();
      }

      @Override
      public List<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<T> chunk = new ArrayList<>();
        long total = 0;
        while (carry != null || in.hasNext()) {
          T t = carry != null ? carry : in.next();
          carry = null;
          int s = size.applyAsInt(t);
          if (!chunk.isEmpty() && total + s > maxSize) {
            carry = t;
            break;
          }
          chunk.add(t);
          total += s;
        }
        return chunk;
      }
    };
  }

  /** Skips {@code n} items of {@code it} (fewer when it ends); returns how many were skipped. */
  public static long skip(Iterator<?> it, long n) {
    long i = 0;
    while (i < n && it.hasNext()) {
      it.next();
      i++;
    }
    return i;
  }
}
