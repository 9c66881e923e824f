package dev.x2s.teachers.elmo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.WordStates;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour of the ELMo teacher beyond the fixture's reference values (see ElmoTeacherFixtureTest). */
class ElmoTeacherTest {
  private static ElmoTeacher elmo;

  private static final List<String> A = words("The cat sat on the mat .");
  private static final List<String> B = words("Colorless green ideas sleep furiously , said Chomsky in 1957 .");
  private static final List<String> C = words("Hi");

  @BeforeAll
  static void open() {
    elmo = ElmoTeacher.open(ElmoFixture.options(), ElmoFixture.weights());
  }

  @AfterAll
  static void close() {
    elmo.close();
  }

  private static List<String> words(String s) {
    return Arrays.asList(s.split(" "));
  }

  private static ElmoTeacher stateful() {
    return ElmoTeacher.open(ElmoFixture.options(), ElmoFixture.weights(), ElmoTeacher.StateMode.STATEFUL);
  }

  private static double maxDiff(WordStates a, WordStates b) {
    assertEquals(a.layers(), b.layers());
    assertEquals(a.words(), b.words());
    double m = 0;
    for (int i = 0; i < a.data().length; i++) {
      m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
    }
    return m;
  }

  @Test
  void info() {
    TeacherInfo info = elmo.info();
    assertEquals("elmo", info.family());
    assertEquals(3, info.numLayers());
    assertEquals(32, info.dim());
    assertEquals(0, info.maxPieces());
    assertTrue(info.source().contains("lm_weights.hdf5"), info.source());
    assertEquals(ElmoTeacher.StateMode.STATELESS, elmo.stateMode());
  }

  @Test
  void everyWordIsOnePiece() {
    List<String> w = List.of("naïve", "x".repeat(80), "<S>");
    assertEquals(List.of(List.of("naïve"), List.of("x".repeat(80)), List.of("<S>")), elmo.pieces(w));
  }

  @Test
  void shapesAndLayerZeroDuplication() {
    List<WordStates> out = elmo.encode(List.of(A, C), 2, PiecePooling.MEAN);
    assertEquals(2, out.size());
    assertEquals(A.size(), out.get(0).words());
    assertEquals(1, out.get(1).words());
    for (WordStates ws : out) {
      assertEquals(3, ws.layers());
      assertEquals(32, ws.dim());
      for (int w = 0; w < ws.words(); w++) {
        float[] v = ws.vector(0, w);
        assertArrayEquals(Arrays.copyOfRange(v, 0, 16), Arrays.copyOfRange(v, 16, 32));
        // forward and backward halves of the LSTM layers are different computations
        float[] top = ws.vector(2, w);
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(top, 0, 16)),
            Arrays.toString(Arrays.copyOfRange(top, 16, 32)));
      }
    }
  }

  @Test
  void earlyExitGivesTheSameLowerLayers() {
    WordStates full = elmo.encode(List.of(B), 2, PiecePooling.MEAN).get(0);
    for (int max = 0; max < 2; max++) {
      WordStates part = elmo.encode(List.of(B), max, PiecePooling.FIRST).get(0);
      assertEquals(max + 1, part.layers());
      float[] prefix = Arrays.copyOf(full.data(), part.data().length);
      assertArrayEquals(prefix, part.data(), "maxLayer " + max);
    }
  }

  @Test
  void statelessIsIndependentOfBatchAndHistory() {
    WordStates alone = elmo.encode(List.of(A), 2, PiecePooling.MEAN).get(0);
    // padded next to a longer and a shorter sentence, forward and backward must ignore the padding
    List<WordStates> batch = elmo.encode(List.of(B, A, C), 2, PiecePooling.MEAN);
    double d = maxDiff(alone, batch.get(1));
    assertTrue(d <= 1e-6, "batch vs alone " + d);
    WordStates cAlone = elmo.encode(List.of(C), 2, PiecePooling.MEAN).get(0);
    assertTrue(maxDiff(cAlone, batch.get(2)) <= 1e-6);
    // no state carried between calls
    assertArrayEquals(alone.data(), elmo.encode(List.of(A), 2, PiecePooling.MEAN).get(0).data());
  }

  @Test
  void longAndNonAsciiWordsAreEncoded() {
    List<String> s = List.of("Zürich", "ü".repeat(40), "😀", "supercalifragilisticexpialidocious".repeat(3));
    WordStates ws = elmo.encode(List.of(s), 2, PiecePooling.MEAN).get(0);
    assertEquals(4, ws.words());
    for (float v : ws.data()) {
      assertTrue(Float.isFinite(v));
    }
    // words identical in their first 48 bytes get the same token embedding
    WordStates cut = elmo.encode(List.of(List.of("a".repeat(48) + "x", "a".repeat(48) + "y")), 0, PiecePooling.MEAN).get(0);
    assertArrayEquals(cut.vector(0, 0), cut.vector(0, 1));
  }

  @Test
  void statefulCarriesStatePerRow() {
    try (ElmoTeacher s = stateful()) {
      WordStates first = s.encode(List.of(A, B), 2, PiecePooling.MEAN).get(0);
      assertArrayEquals(elmo.encode(List.of(A, B), 2, PiecePooling.MEAN).get(0).data(), first.data());
      WordStates second = s.encode(List.of(A, B), 2, PiecePooling.MEAN).get(0);
      // layer 0 has no state; the LSTM layers now start from the previous batch's final state
      assertArrayEquals(first.vector(0, 0), second.vector(0, 0));
      assertTrue(maxDiff(first, second) > 1e-3);
      s.resetStates();
      assertArrayEquals(first.data(), s.encode(List.of(A, B), 2, PiecePooling.MEAN).get(0).data());
    }
  }

  @Test
  void statefulSmallerBatchUsesTheFirstRows() {
    // row 0 after [A, B] carries the same state as after [A] alone
    try (ElmoTeacher wide = stateful(); ElmoTeacher narrow = stateful()) {
      wide.encode(List.of(A, B), 2, PiecePooling.MEAN);
      narrow.encode(List.of(A), 2, PiecePooling.MEAN);
      WordStates w = wide.encode(List.of(C), 2, PiecePooling.MEAN).get(0);
      WordStates n = narrow.encode(List.of(C), 2, PiecePooling.MEAN).get(0);
      assertTrue(maxDiff(w, n) <= 1e-6, "wide vs narrow " + maxDiff(w, n));
      // row 1 of wide kept B's state through the 1-row batch: [A, B] then [C] then [x, B] equals
      // [A, B] then [x, B] for row 1
      try (ElmoTeacher direct = stateful()) {
        direct.encode(List.of(A, B), 2, PiecePooling.MEAN);
        WordStates viaGap = wide.encode(List.of(C, B), 2, PiecePooling.MEAN).get(1);
        WordStates noGap = direct.encode(List.of(A, B), 2, PiecePooling.MEAN).get(1);
        assertTrue(maxDiff(viaGap, noGap) <= 1e-6, "row 1 " + maxDiff(viaGap, noGap));
      }
    }
  }

  @Test
  void statefulLargerBatchStartsNewRowsFromZero() {
    try (ElmoTeacher s = stateful()) {
      s.encode(List.of(A), 2, PiecePooling.MEAN);
      List<WordStates> out = s.encode(List.of(A, B), 2, PiecePooling.MEAN);
      WordStates fresh = elmo.encode(List.of(B), 2, PiecePooling.MEAN).get(0);
      assertTrue(maxDiff(fresh, out.get(1)) <= 1e-6);
      assertTrue(maxDiff(elmo.encode(List.of(A), 2, PiecePooling.MEAN).get(0), out.get(0)) > 1e-3);
    }
  }

  @Test
  void statefulRunsAllLayersEvenForEarlyExit() {
    try (ElmoTeacher s = stateful(); ElmoTeacher t = stateful()) {
      s.encode(List.of(A), 0, PiecePooling.MEAN);
      t.encode(List.of(A), 2, PiecePooling.MEAN);
      assertArrayEquals(
          t.encode(List.of(B), 2, PiecePooling.MEAN).get(0).data(),
          s.encode(List.of(B), 2, PiecePooling.MEAN).get(0).data());
    }
  }

  @Test
  void batchesLeaveNothingInTheWeightsManager() {
    int before = elmo.weightArrays();
    // 4 direction-layers × 4 + 5 filters × 2 + 2 highway × 4 + 2 projection
    assertEquals(36, before);
    for (int i = 0; i < 3; i++) {
      elmo.encode(List.of(A, B, C), 2, PiecePooling.MEAN);
    }
    assertEquals(before, elmo.weightArrays());
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> elmo.encode(List.of(A), 3, PiecePooling.MEAN));
    assertThrows(IllegalArgumentException.class, () -> elmo.encode(List.of(A), -1, PiecePooling.MEAN));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> elmo.encode(List.of(A, List.of()), 1, PiecePooling.MEAN));
    assertTrue(e.getMessage().contains("sentence 1"), e.getMessage());
    assertEquals(List.of(), elmo.encode(List.of(), 2, PiecePooling.MEAN));
  }
}
