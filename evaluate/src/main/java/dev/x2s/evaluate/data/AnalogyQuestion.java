package dev.x2s.evaluate.data;

import java.util.Objects;

/**
 * {@code a : b :: c : d}, with the index of its section in {@link AnalogyDataset#sections()}.
 */
public record AnalogyQuestion(String a, String b, String c, String d, int section) {
  public AnalogyQuestion {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(d, "d");
  }
}
