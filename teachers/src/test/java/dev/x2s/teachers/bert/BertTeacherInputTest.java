package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.PieceWindows;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The teacher's window policy and batching on a tiny random BERT (16 positions: 14-piece windows). */
class BertTeacherInputTest {
  static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "b", "c", "##x", "d", "e",
      "f", "g", "h", "i", "j", "k", "l", "m", "n", "o");

  static BertTeacher tiny(int overlap) {
    BertConfig c = BertEncoderInputTest.TINY;
    BertEncoder enc = new BertEncoder(c, BertEncoderInputTest.randomWeights(c, 42), "tiny");
    return new BertTeacher(new TeacherInfo("tiny", "bert", c.layers() + 1, c.hidden(), c.maxPositions(), "test"),
        enc, new WordPieceTokenizer(VOCAB, true), overlap);
  }

  /** The states say how many pieces each word had: the same pieces {@code pieces()} shows. */
  @Test
  void statesCarryEachWordsPieceCount() {
    try (BertTeacher t = tiny(6)) {
      List<String> words = List.of("cx", "a", "dxxx", "zzz", "B");
      WordStates ws = t.encode(List.of(words), 1, PiecePooling.MEAN).get(0);
      List<List<String>> pieces = t.pieces(words);
      assertEquals(List.of(List.of("c", "##x"), List.of("a"), List.of("d", "##x", "##x", "##x"), List.of("[UNK]"),
          List.of("b")), pieces);
      for (int w = 0; w < words.size(); w++) {
        assertEquals(pieces.get(w).size(), ws.pieceCount(w), words.get(w));
      }
      assertEquals(9, t.tokenize(words).pieces());
    }
  }

  @Test
  void sentenceLongerThanTheWindowTakesEachPieceFromItsOwnerWindow() {
    try (BertTeacher t = tiny(6)) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        words.add(String.valueOf((char) ('d' + i % 10))); // one piece per word
      }
      List<String> shortOne = List.of("b", "cx");
      List<WordStates> out = t.encode(List.of(words, shortOne), 2, PiecePooling.FIRST);
      WordStates ws = out.get(0);
      assertEquals(40, ws.words());
      assertEquals(3, ws.layers());
      PieceWindows pw = PieceWindows.split(40, 14, 6);
      assertTrue(pw.windows().size() > 2);
      for (int w = 0; w < 40; w++) {
        PieceWindows.Window win = pw.windows().get(pw.owner(w));
        WordStates alone = t.encode(List.of(words.subList(win.start(), win.end())), 2, PiecePooling.FIRST).get(0);
        for (int l = 0; l <= 2; l++) {
          for (int k = 0; k < 8; k++) {
            assertEquals(alone.get(l, w - win.start(), k), ws.get(l, w, k), 1e-5, "word " + w + " layer " + l);
          }
        }
      }
      // batching with a long sentence does not change a short sentence's states
      WordStates alone = t.encode(List.of(shortOne), 2, PiecePooling.MEAN).get(0);
      WordStates batched = t.encode(List.of(words, shortOne), 2, PiecePooling.MEAN).get(1);
      for (int k = 0; k < 8; k++) {
        assertEquals(alone.get(2, 1, k), batched.get(2, 1, k), 1e-5);
      }
    }
  }

  @Test
  void emptySentenceAndBadLayerAreRejected() {
    try (BertTeacher t = tiny(4)) {
      assertThrows(IllegalArgumentException.class, () -> t.encode(List.of(List.of()), 1, PiecePooling.MEAN));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> t.encode(List.of(List.of("a")), 3, PiecePooling.MEAN));
      assertTrue(e.getMessage().contains("maxLayer 3 not in 0..2"), e.getMessage());
    }
  }

  @Test
  void unknownTeacherIdIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BertTeacher.load("bert-giant"));
    assertTrue(e.getMessage().contains("unknown teacher 'bert-giant': known BERT ids are"), e.getMessage());
  }
}
