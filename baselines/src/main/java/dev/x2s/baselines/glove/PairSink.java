package dev.x2s.baselines.glove;

import java.io.IOException;

/** Receives co-occurrence totals, one per distinct (word, context) pair. */
@FunctionalInterface
interface PairSink {
  void accept(int word, int context, double value) throws IOException;
}
