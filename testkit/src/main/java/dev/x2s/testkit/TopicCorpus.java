package dev.x2s.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny synthetic corpus with known topics: every paragraph is about one of four topics, and its
 * words are that topic's words (about 70%) mixed with function words shared by all topics. Words of a
 * topic co-occur only with each other, so any method that learns from co-occurrence should put them
 * together, and a test knows the right answer from {@link #topicOf}.
 *
 * <p>Shape (what the old generated test corpora had): one paragraph a line, 1–3 sentences of 3–12
 * words each, first word capitalised, sentences ending in a period; within a topic the first words of
 * the list are the frequent ones (index drawn as n·u², u uniform). Deterministic for a seed.
 */
public final class TopicCorpus {
  /** Topic names, index = topic id. */
  public static final List<String> TOPICS = List.of("animals", "music", "weather", "kitchen");

  private static final List<List<String>> WORDS = List.of(
      List.of("cat", "dog", "horse", "sheep", "goat", "rabbit", "mouse", "donkey"),
      List.of("guitar", "piano", "violin", "drum", "melody", "chord", "rhythm", "choir"),
      List.of("rain", "snow", "wind", "cloud", "storm", "thunder", "fog", "frost"),
      List.of("bread", "soup", "oven", "butter", "flour", "pepper", "sauce", "kettle"));

  /** Words of no topic, drawn uniformly in every paragraph. */
  public static final List<String> FUNCTION_WORDS = List.of("the", "a", "and", "of", "with", "near", "very", "then");

  /** Share of a sentence's words drawn from its paragraph's topic. */
  public static final double TOPIC_SHARE = 0.7;

  private static final Map<String, Integer> TOPIC_OF = new HashMap<>();

  static {
    for (int t = 0; t < WORDS.size(); t++) {
      for (String w : WORDS.get(t)) {
        TOPIC_OF.put(w, t);
      }
    }
  }

  /** One generated paragraph: its topic and its sentences (lower-case words). */
  public record Paragraph(int topic, List<List<String>> sentences) {}

  private TopicCorpus() {}

  public static int topics() {
    return WORDS.size();
  }

  /** The words of {@code topic}, most frequent first. */
  public static List<String> words(int topic) {
    return WORDS.get(topic);
  }

  /** Every word: the topics' words in topic order, then the function words. */
  public static List<String> vocabulary() {
    List<String> all = new ArrayList<>();
    WORDS.forEach(all::addAll);
    all.addAll(FUNCTION_WORDS);
    return all;
  }

  /** The topic of {@code word} (any case), or -1 for a function word or a word not in the corpus. */
  public static int topicOf(String word) {
    return TOPIC_OF.getOrDefault(word.toLowerCase(Locale.ROOT), -1);
  }

  /** {@code n} paragraphs generated from {@code seed}. */
  public static List<Paragraph> paragraphs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Paragraph> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int topic = rng.nextInt(WORDS.size());
      List<String> own = WORDS.get(topic);
      int count = 1 + rng.nextInt(3);
      List<List<String>> sentences = new ArrayList<>(count);
      for (int s = 0; s < count; s++) {
        int len = 3 + rng.nextInt(10);
        List<String> words = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
          if (rng.nextDouble() < TOPIC_SHARE) {
            double u = rng.nextDouble();
            words.add(own.get((int) (u * u * own.size())));
          } else {
            words.add(FUNCTION_WORDS.get(rng.nextInt(FUNCTION_WORDS.size())));
          }
        }
        sentences.add(List.copyOf(words));
      }
      out.add(new Paragraph(topic, List.copyOf(sentences)));
    }
    return out;
  }

  /** The text of {@link #paragraphs}: one paragraph a line. */
  public static String text(int paragraphs, long seed) {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs(paragraphs, seed)) {
      for (int s = 0; s < p.sentences().size(); s++) {
        List<String> words = p.sentences().get(s);
        if (s > 0) {
          sb.append(' ');
        }
        for (int i = 0; i < words.size(); i++) {
          String w = words.get(i);
          sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        sb.append('.');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Writes {@link #text} to {@code dir/name} (UTF-8) and returns the file. */
  public static Path write(Path dir, String name, int paragraphs, long seed) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text(paragraphs, seed), StandardCharsets.UTF_8);
    return f;
  }
}
