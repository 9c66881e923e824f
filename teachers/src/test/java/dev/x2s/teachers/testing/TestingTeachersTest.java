package dev.x2s.teachers.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.registry.Teachers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared fakes keep the promises their consumers' tests rely on. */
class TestingTeachersTest {
  @Test
  void fakeStatesAreTheDocumentedValuesAndDependOnTheWholePosition() {
    FakeTeacher t = new FakeTeacher();
    List<String> s = List.of("alpha", "beta", "alpha", "gamma", "delta", "eps", "alpha");
    WordStates ws = t.encode(List.of(s), FakeTeacher.LAYERS - 1, PiecePooling.MEAN).get(0);
    for (int l = 0; l < FakeTeacher.LAYERS; l++) {
      for (int w = 0; w < s.size(); w++) {
        for (int k = 0; k < FakeTeacher.DIM; k++) {
          float v = ws.get(l, w, k);
          assertEquals(FakeTeacher.value(s.get(w), w, l, k), v);
          assertTrue(v >= -1 && v < 1, "value " + v);
        }
      }
    }
    // "alpha" at positions 0, 2 and 6 (a shift by a multiple of a small period would hide a bug)
    assertNotEquals(ws.get(2, 0, 0), ws.get(2, 2, 0));
    assertNotEquals(ws.get(2, 2, 0), ws.get(2, 6, 0));
    assertEquals(List.of(List.of("alp", "ha"), List.of("bet", "a")), t.pieces(List.of("alpha", "beta")));
    assertEquals(2, FakeTeacher.pieceCount("alpha"));
    assertEquals(List.of(List.of(s)), t.batches());
    assertThrows(IllegalArgumentException.class, () -> t.encode(List.of(s), FakeTeacher.LAYERS, PiecePooling.MEAN));
  }

  @Test
  void failingTeacherFailsOnceOverItsBudgetAndRecordsClosing() {
    FakeTeacher t = new FakeTeacher("x", 3);
    t.encode(List.of(List.of("a"), List.of("b")), 0, PiecePooling.MEAN);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.encode(List.of(List.of("c"), List.of("d")), 0, PiecePooling.MEAN));
    assertTrue(e.getMessage().contains("simulated"), e.getMessage());
    assertEquals(2, t.encodedSentences());
    t.close();
    assertTrue(t.isClosed());
  }

  @Test
  void topicTeacherContextsPointAtTheirTopic() {
    Map<String, Integer> topics = Map.of("cat", 0, "dog", 0, "rain", 1, "snow", 1);
    TopicTeacher t = new TopicTeacher(w -> topics.getOrDefault(w, -1), 2);
    for (List<String> s : List.of(List.of("the", "cat", "and", "dog"), List.of("snow", "then", "rain"))) {
      WordStates ws = t.encode(List.of(s), TopicTeacher.LAYERS - 1, PiecePooling.MEAN).get(0);
      float[] mean = new float[TopicTeacher.DIM];
      for (int w = 0; w < s.size(); w++) {
        for (int k = 0; k < mean.length; k++) {
          mean[k] += ws.get(TopicTeacher.LAYERS - 1, w, k) / s.size();
        }
      }
      int topic = topics.get(s.get(s.size() - 1));
      // half the words carry e_topic: 0.5 ± 0.2 noise at the topic, at most 0.2 elsewhere
      for (int k = 0; k < mean.length; k++) {
        assertTrue(k == topic ? mean[k] > 0.3 : Math.abs(mean[k]) <= TopicTeacher.NOISE, s + " component " + k);
      }
    }
  }

  @Test
  void tinyBertDirectoryOpensThroughTheRegistry(@TempDir Path tmp) throws IOException {
    Path dir = TinyModels.bert(tmp.resolve("tiny-bert"), List.of("Cat", "dog", "sat"), 7);
    try (Teacher t = Teachers.open(dir.toString())) {
      assertEquals(TinyModels.BERT_LAYERS + 1, t.info().numLayers());
      assertEquals(TinyModels.BERT_HIDDEN, t.info().dim());
      // every word is one piece, lower-cased; an unknown word is [UNK]
      assertEquals(List.of(List.of("cat"), List.of("dog"), List.of("[UNK]")), t.pieces(List.of("Cat", "dog", "bird")));
      WordStates ws = t.encode(List.of(List.of("cat", "sat")), TinyModels.BERT_LAYERS, PiecePooling.MEAN).get(0);
      assertEquals(2, ws.words());
      for (float v : ws.data()) {
        assertTrue(Float.isFinite(v));
      }
    }
  }
}
