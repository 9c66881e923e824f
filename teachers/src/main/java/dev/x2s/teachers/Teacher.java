package dev.x2s.teachers;

import java.util.ArrayList;
import java.util.List;

/**
 * A pretrained contextual model that turns sentences of words into one vector per word at every
 * layer. Layer 0 is the input layer (the embedding output for transformers, the char-CNN token
 * embedding for ELMo); layer {@code numLayers() - 1} is the top.
 *
 * <p>Input is already split into words by x2s's word tokenizer (the same for every teacher); a teacher
 * maps words to its own pieces ({@link #tokenize}) and pools the pieces of each word back into one vector
 * ({@link PiecePooling}). A caller that needs the pieces before encoding (to plan batches by piece
 * count) tokenises once and passes the result to {@link #encodeTokenized}; the {@link WordStates} carry
 * each word's piece count, so nobody tokenises again. Sentences longer than the model's window are
 * handled by the teacher (see its documentation for the window policy); they are never silently truncated.
 *
 * <p>Implementations hold native resources and must be closed.
 */
public interface Teacher extends AutoCloseable {

  /** What the teacher is: id, layer count, width, window. */
  TeacherInfo info();

  /** A sentence's pieces in this teacher's vocabulary; no model runs. */
  TokenizedSentence tokenize(List<String> words);

  /**
   * Encodes a batch of sentences tokenised by this teacher's {@link #tokenize}.
   *
   * @param maxLayer the highest layer wanted (inclusive); encoders stop after it
   * @param pooling how a word's pieces become one vector
   * @return one {@link WordStates} per sentence, in input order, holding layers {@code 0..maxLayer} and
   *     the piece count of every word
   */
  List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling);

  /** The arithmetic this teacher's linear layers run in ({@link Precision}); part of cache keys. */
  default Precision precision() {
    return Precision.FP32;
  }

  /**
   * Tokenises and encodes a batch of sentences ({@link #encodeTokenized}).
   *
   * @param sentences each a non-empty list of words
   */
  default List<WordStates> encode(List<List<String>> sentences, int maxLayer, PiecePooling pooling) {
    List<TokenizedSentence> tokenized = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      try {
        tokenized.add(tokenize(sentences.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sentence " + i + " of the batch: " + e.getMessage(), e);
      }
    }
    return encodeTokenized(tokenized, maxLayer, pooling);
  }

  /** The pieces a word-tokenized sentence becomes, as strings, for inspection ({@code x2s embed}). */
  List<List<String>> pieces(List<String> words);

  @Override
  void close();
}
