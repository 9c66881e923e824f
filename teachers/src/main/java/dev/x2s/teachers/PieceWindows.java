package dev.x2s.teachers;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sentence of {@code n} pieces into overlapping windows that fit a model's window, and says
 * which window each piece's vector is taken from.
 *
 * <p>Policy: a sentence that fits is one window. Otherwise windows of {@code capacity} pieces start
 * every {@code capacity - overlap} pieces (the last one ends at {@code n}); each piece takes its vector
 * from the window in which it is furthest from either edge (ties: the earlier window), so every piece
 * sees at least {@code overlap / 2} pieces of context on both sides unless it is near the sentence's own
 * edge. {@code capacity} excludes the model's special tokens.
 *
 * <p>Causal models ({@link #split(int, int, int, boolean)} with {@code causal}): a piece's state depends
 * only on the pieces before it, so the symmetric rule would waste right context and cut left context.
 * Each piece instead takes its vector from the <em>first</em> window containing it: the first window's
 * pieces get exactly the states of an unbounded window, and every later piece has at least {@code
 * overlap} pieces of left context.
 */
public final class PieceWindows {
  /** A window over pieces {@code [start, end)}. */
  public record Window(int start, int end) {
    public int length() {
      return end - start;
    }
  }

  private final List<Window> windows;
  private final int[] owner;

  private PieceWindows(List<Window> windows, int[] owner) {
    this.windows = windows;
    this.owner = owner;
  }

  /**
   * @param n pieces in the sentence
   * @param capacity pieces a window may hold (model window minus special tokens)
   * @param overlap pieces shared by consecutive windows; {@code 0 <= overlap < capacity}
   */
  public static PieceWindows split(int n, int capacity, int overlap) {
    return split(n, capacity, overlap, false);
  }

  /**
   * @param n pieces in the sentence
   * @param capacity pieces a window may hold (model window minus special tokens)
   * @param overlap pieces shared by consecutive windows; {@code 0 <= overlap < capacity}
   * @param causal owner = the first window containing the piece (for left-to-right models), instead
   *     of the window where it is furthest from an inner edge
   */
  public static PieceWindows split(int n, int capacity, int overlap, boolean causal) {
    if (capacity <= 0 || overlap < 0 || overlap >= capacity) {
      throw new IllegalArgumentException("bad window: capacity " + capacity + ", overlap " + overlap);
    }
    List<Window> ws = new ArrayList<>();
    if (n <= capacity) {
      ws.add(new Window(0, n));
    } else {
      int stride = capacity - overlap;
      for (int s = 0; ; s += stride) {
        if (s + capacity >= n) {
          ws.add(new Window(Math.max(0, n - capacity), n));
          break;
        }
        ws.add(new Window(s, s + capacity));
      }
    }
    int[] owner = new int[n];
    if (causal) {
      int w = 0;
      for (int p = 0; p < n; p++) {
        if (p >= ws.get(w).end()) {
          w++;
        }
        owner[p] = w;
      }
      return new PieceWindows(List.copyOf(ws), owner);
    }
    for (int p = 0; p < n; p++) {
      int best = -1;
      int bestMargin = -1;
      for (int w = 0; w < ws.size(); w++) {
        Window win = ws.get(w);
        if (p < win.start() || p >= win.end()) {
          continue;
        }
        // distance to the nearest edge that is not the sentence's own edge
        int left = win.start() == 0 ? Integer.MAX_VALUE : p - win.start();
        int right = win.end() == n ? Integer.MAX_VALUE : win.end() - 1 - p;
        int margin = Math.min(left, right);
        if (margin > bestMargin) {
          bestMargin = margin;
          best = w;
        }
      }
      owner[p] = best;
    }
    return new PieceWindows(List.copyOf(ws), owner);
  }

  public List<Window> windows() {
    return windows;
  }

  /** Index (into {@link #windows()}) of the window piece {@code p}'s vector is taken from. */
  public int owner(int p) {
    return owner[p];
  }
}
