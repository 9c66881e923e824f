package dev.x2s.teachers;

import java.util.List;

/**
 * A pretrained contextual model that turns sentences of words into one vector per word at every
 * layer. Layer 0 is the input layer (the embedding output for transformers, the char-CNN token
 * embedding for ELMo); layer {@code numLayers() - 1} is the top.
 *
 * <p>Input is already split into words by x2s's word tokenizer (the same for every teacher); a teacher
 * maps words to its own pieces and pools the pieces of each word back into one vector
 * ({@link PiecePooling}). Sentences longer than the model's window are handled by the teacher (see
 * its documentation for the window policy); they are never silently truncated.
 *
 * <p>Implementations hold native resources and must be closed.
 */
public interface Teacher extends AutoCloseable {

  /** What the teacher is: id, layer count, width, window. */
  TeacherInfo info();

  /**
   * Encodes a batch of sentences.
   *
   * @param sentences each a non-empty list of words
   * @param maxLayer the highest layer wanted (inclusive); encoders stop after it
   * @param pooling how a word's pieces become one vector
   * @return one {@link WordStates} per sentence, in input order, holding layers {@code 0..maxLayer}
   */
  List<WordStates> encode(List<List<String>> sentences, int maxLayer, PiecePooling pooling);

  /** The pieces a word-tokenized sentence becomes, for inspection ({@code x2s embed}). */
  List<List<String>> pieces(List<String> words);

  @Override
  void close();
}
