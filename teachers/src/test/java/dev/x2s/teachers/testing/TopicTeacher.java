package dev.x2s.teachers.testing;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A teacher whose states carry a topic: a word of topic t is the unit vector e_t plus a little
 * word-specific noise, a word of no topic (topic -1) is noise alone; the same at every position and
 * layer, one piece per word. A sentence's context (the mean of its words) therefore points at its
 * topic, which is what a student must learn from. Pair it with the test kit's {@code TopicCorpus}:
 * {@code new TopicTeacher(TopicCorpus::topicOf, TopicCorpus.topics())}.
 */
public class TopicTeacher extends FakeTeacher {
  public static final int LAYERS = 2;
  public static final int DIM = 8;
  /** Amplitude of the word-specific noise in every component. */
  public static final float NOISE = 0.2f;

  private final ToIntFunction<String> topicOf;

  /** @param topicOf a word's topic in {@code 0..topics-1}, or -1 */
  public TopicTeacher(ToIntFunction<String> topicOf, int topics) {
    super("fake-topics", LAYERS, DIM, Long.MAX_VALUE);
    if (topics > DIM) {
      throw new IllegalArgumentException(topics + " topics do not fit in " + DIM + " dimensions");
    }
    this.topicOf = topicOf;
  }

  /** The direction of {@code topic} in the teacher's space: the unit vector e_topic. */
  public static float[] direction(int topic) {
    float[] e = new float[DIM];
    e[topic] = 1f;
    return e;
  }

  @Override
  protected float state(List<String> sentence, int position, int layer, int k) {
    String word = sentence.get(position);
    float topic = topicOf.applyAsInt(word) == k ? 1f : 0f;
    return topic + NOISE * value(word, 0, 0, k);
  }

  @Override
  protected List<String> piecesOf(String word) {
    return List.of(word);
  }
}
