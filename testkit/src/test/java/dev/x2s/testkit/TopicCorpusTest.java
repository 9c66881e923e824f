package dev.x2s.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicCorpusTest {
  @Test
  void topicsAreDisjointAndFunctionWordsHaveNone() {
    Set<String> seen = new HashSet<>();
    for (int t = 0; t < TopicCorpus.topics(); t++) {
      for (String w : TopicCorpus.words(t)) {
        assertTrue(seen.add(w), "word in two topics: " + w);
        assertEquals(t, TopicCorpus.topicOf(w));
        assertEquals(t, TopicCorpus.topicOf(w.toUpperCase(java.util.Locale.ROOT)));
      }
    }
    for (String w : TopicCorpus.FUNCTION_WORDS) {
      assertTrue(seen.add(w), "function word also a topic word: " + w);
      assertEquals(-1, TopicCorpus.topicOf(w));
    }
    assertEquals(-1, TopicCorpus.topicOf("zebra"));
    assertEquals(seen, new HashSet<>(TopicCorpus.vocabulary()));
  }

  @Test
  void paragraphsStayOnTheirTopicAndTheTextSpellsThem() {
    List<TopicCorpus.Paragraph> ps = TopicCorpus.paragraphs(200, 3);
    String[] lines = TopicCorpus.text(200, 3).split("\n");
    assertEquals(200, lines.length);
    int topicWords = 0;
    int words = 0;
    for (int i = 0; i < ps.size(); i++) {
      TopicCorpus.Paragraph p = ps.get(i);
      assertTrue(p.sentences().size() >= 1 && p.sentences().size() <= 3);
      StringBuilder expected = new StringBuilder();
      for (List<String> s : p.sentences()) {
        assertTrue(s.size() >= 3 && s.size() <= 12, "sentence length " + s.size());
        for (String w : s) {
          int t = TopicCorpus.topicOf(w);
          assertTrue(t == p.topic() || t == -1 && TopicCorpus.FUNCTION_WORDS.contains(w), w + " in topic " + p.topic());
          topicWords += t == p.topic() ? 1 : 0;
          words++;
        }
        String joined = String.join(" ", s);
        expected.append(expected.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1)).append('.');
      }
      assertEquals(expected.toString(), lines[i]);
    }
    // about TOPIC_SHARE of the words carry the topic (binomial: ±3σ is about ±0.03 here)
    assertEquals(TopicCorpus.TOPIC_SHARE, (double) topicWords / words, 0.04);
  }

  @Test
  void sameSeedSameCorpusOtherSeedOther() {
    assertEquals(TopicCorpus.text(50, 7), TopicCorpus.text(50, 7));
    assertNotEquals(TopicCorpus.text(50, 7), TopicCorpus.text(50, 8));
  }
}
