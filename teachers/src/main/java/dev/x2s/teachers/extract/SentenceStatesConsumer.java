package dev.x2s.teachers.extract;

import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.WordStates;

/** Receives each sentence's word vectors, in the input order, on the extracting thread. */
@FunctionalInterface
public interface SentenceStatesConsumer {
  /** {@code states} holds layers {@code 0..maxLayer} for {@code sentence.words()}; it is not reused. */
  void accept(Sentence sentence, WordStates states);
}
