package dev.x2s.teachers.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.bpe.ByteLevelBpe;
import dev.x2s.teachers.bpe.SharedFixtures;
import dev.x2s.teachers.hf.SafetensorsTestWriter;
import dev.x2s.teachers.PiecePooler;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.PieceWindows;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher's word → piece mapping, batching, pooling and long-sentence windows, on a random
 * GPT-2 with the real 50,257-token vocabulary (tiny width, window 32). The encoder itself is checked
 * against torch in {@link Gpt2EncoderReferenceTest}; here the expectations come from running that
 * encoder directly on each sentence or window and pooling by hand.
 */
class Gpt2TeacherTest {
  static final long SEED = 12345;
  static final Gpt2Config CFG = new Gpt2Config(50257, 16, 2, 2, 64, 32, 1e-5, "gelu_new");
  static ByteLevelBpe bpe;
  static Gpt2Weights weights;
  static Gpt2Teacher teacher;
  static Gpt2Encoder direct;

  static final List<String> SINGLE_PIECE_WORDS = List.of(
      "the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "house", "with", "big", "red", "door");

  @BeforeAll
  static void setUp() {
    System.out.println("Gpt2TeacherTest random weights seed=" + SEED);
    bpe = SharedFixtures.gpt2Bpe();
    weights = TinyGpt2.randomWeights(CFG, SEED);
    teacher = new Gpt2Teacher("random", "random(seed " + SEED + ")", CFG, weights, bpe, Gpt2Teacher.Options.defaults());
    direct = new Gpt2Encoder(CFG, weights);
  }

  @AfterAll
  static void tearDown() {
    teacher.close();
    direct.close();
  }

  @Test
  void info() {
    assertEquals(new TeacherInfo("random", "gpt2", 3, 16, 32, "random(seed " + SEED + ")"), teacher.info());
    assertEquals(32, teacher.capacity());
    assertEquals(8, teacher.overlap());
  }

  @Test
  void wordsToPieces() {
    assertEquals(List.of(List.of("Hello"), List.of("Ġworld")), teacher.pieces(List.of("Hello", "world")));
    List<String> words = List.of("Hello", "world", "don't", "👋", "indivisible", "3.14");
    TokenizedSentence wp = teacher.wordPieces().map(words);
    assertArrayEquals(new int[] {15496, 995}, Arrays.copyOf(wp.ids(), 2));
    // pieces of space-joined words are exactly the encoding of the joined sentence
    assertArrayEquals(bpe.encode(String.join(" ", words)), wp.ids());
    assertEquals(String.join(" ", words), bpe.decode(wp.ids()));
    int o = 0;
    for (int w = 0; w < words.size(); w++) {
      int n = bpe.encode(w == 0 ? words.get(w) : " " + words.get(w)).length;
      for (int k = 0; k < n; k++) {
        assertEquals(w, wp.wordOfPiece()[o++]);
      }
    }
    assertEquals(o, wp.pieces());
    assertThrows(IllegalArgumentException.class, () -> teacher.wordPieces().map(List.of("a", "")));
    assertThrows(IllegalArgumentException.class, () -> teacher.wordPieces().map(List.of()));
  }

  /** Expected word states: the encoder on the sentence alone, pooled. */
  private static WordStates expected(List<String> words, int maxLayer, PiecePooling pooling) {
    TokenizedSentence wp = teacher.wordPieces().map(words);
    float[] states = direct.forward(new int[][] {wp.ids()}, maxLayer)[0];
    return PiecePooler.pool(states, maxLayer + 1, CFG.hidden(), wp, pooling);
  }

  @Test
  void batchOfSentencesMatchesEachAlone() {
    List<List<String>> batch = List.of(
        List.of("The", "indivisible", "cat", "didn't", "sit", "."),
        List.of("Hi"),
        List.of("Ångström", "units", "👋", "and", "3.14159", "rad"));
    for (PiecePooling pooling : PiecePooling.values()) {
      List<WordStates> got = teacher.encode(batch, 2, pooling);
      assertEquals(3, got.size());
      for (int s = 0; s < batch.size(); s++) {
        WordStates want = expected(batch.get(s), 2, pooling);
        assertEquals(3, got.get(s).layers());
        assertEquals(batch.get(s).size(), got.get(s).words());
        List<List<String>> pieces = teacher.pieces(batch.get(s));
        for (int w = 0; w < pieces.size(); w++) {
          assertEquals(pieces.get(w).size(), got.get(s).pieceCount(w), batch.get(s).get(w));
        }
        assertClose(want.data(), got.get(s).data(), 1e-5, pooling + " sentence " + s);
      }
    }
  }

  @Test
  void earlyExit() {
    List<String> words = List.of("a", "short", "sentence");
    WordStates top = teacher.encode(List.of(words), 2, PiecePooling.MEAN).get(0);
    WordStates low = teacher.encode(List.of(words), 1, PiecePooling.MEAN).get(0);
    assertEquals(2, low.layers());
    assertClose(Arrays.copyOf(top.data(), low.data().length), low.data(), 1e-5, "layers 0..1");
    assertThrows(IllegalArgumentException.class, () -> teacher.encode(List.of(words), 3, PiecePooling.MEAN));
  }

  @Test
  void smallSubBatchesGiveTheSameStates() {
    List<List<String>> batch = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      batch.add(SINGLE_PIECE_WORDS.subList(0, i + 3));
    }
    try (Gpt2Teacher small = new Gpt2Teacher("r", "r", CFG, weights, bpe, new Gpt2Teacher.Options(false, -1, 1))) {
      List<WordStates> a = small.encode(batch, 2, PiecePooling.MEAN);
      List<WordStates> b = teacher.encode(batch, 2, PiecePooling.MEAN);
      for (int i = 0; i < batch.size(); i++) {
        assertClose(b.get(i).data(), a.get(i).data(), 1e-5, "sentence " + i);
      }
    }
  }

  @Test
  void longSentenceTakesEachPieceFromTheFirstWindowHoldingIt() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      words.add(SINGLE_PIECE_WORDS.get((i * 7) % SINGLE_PIECE_WORDS.size()));
    }
    TokenizedSentence wp = teacher.wordPieces().map(words);
    assertEquals(100, wp.pieces(), "each test word must be one piece");
    WordStates got = teacher.encode(List.of(words), 2, PiecePooling.FIRST).get(0);
    assertEquals(100, got.words());

    PieceWindows pw = PieceWindows.split(100, 32, 8);
    // windows [0,32) [24,56) [48,80) [68,100)
    assertEquals(List.of(new PieceWindows.Window(0, 32), new PieceWindows.Window(24, 56),
        new PieceWindows.Window(48, 80), new PieceWindows.Window(68, 100)), pw.windows());
    int[] firstWindow = new int[100];
    float[][] windowStates = new float[4][];
    for (int w = 3; w >= 0; w--) {
      PieceWindows.Window win = pw.windows().get(w);
      Arrays.fill(firstWindow, win.start(), win.end(), w);
      windowStates[w] = direct.forward(new int[][] {Arrays.copyOfRange(wp.ids(), win.start(), win.end())}, 2)[0];
    }
    PieceWindows causal = PieceWindows.split(100, 32, 8, true);
    int dim = CFG.hidden();
    for (int p = 0; p < 100; p++) {
      int w = firstWindow[p];
      assertEquals(w, causal.owner(p), "causal owner of piece " + p);
      PieceWindows.Window win = pw.windows().get(w);
      assertTrue(w == 0 || p - win.start() >= 8, "piece " + p + " has at least `overlap` left context");
      for (int l = 0; l < 3; l++) {
        int o = (l * win.length() + (p - win.start())) * dim;
        assertClose(Arrays.copyOfRange(windowStates[w], o, o + dim), got.vector(l, p), 1e-5,
            "piece " + p + " layer " + l + " from window " + w);
      }
    }
    // the window matters, so the test can tell windows apart: piece 52 is in windows 1 and 2,
    // with 28 pieces of left context in window 1 and 4 in window 2; it must come from window 1
    int o1 = (2 * 32 + (52 - 24)) * dim;
    int o2 = (2 * 32 + (52 - 48)) * dim;
    float[] p52win1 = Arrays.copyOfRange(windowStates[1], o1, o1 + dim);
    float[] p52win2 = Arrays.copyOfRange(windowStates[2], o2, o2 + dim);
    assertTrue(maxDiff(p52win1, p52win2) > 1e-3, "window context changes the top state");
    assertClose(p52win1, got.vector(2, 52), 1e-5, "piece 52 from window 1");
  }

  @Test
  void bosIsPrependedToEveryWindowAndDropped() {
    try (Gpt2Teacher withBos = new Gpt2Teacher("r", "r", CFG, weights, bpe, new Gpt2Teacher.Options(true, -1, 8192))) {
      assertEquals(31, withBos.capacity());
      List<String> words = List.of("Hello", "world", "again");
      TokenizedSentence wp = withBos.wordPieces().map(words);
      int[] ids = new int[wp.pieces() + 1];
      ids[0] = 50256;
      System.arraycopy(wp.ids(), 0, ids, 1, wp.pieces());
      float[] states = direct.forward(new int[][] {ids}, 2)[0];
      int dim = CFG.hidden();
      int n = wp.pieces();
      float[] dropped = new float[3 * n * dim];
      for (int l = 0; l < 3; l++) {
        System.arraycopy(states, (l * (n + 1) + 1) * dim, dropped, l * n * dim, n * dim);
      }
      WordStates want = PiecePooler.pool(dropped, 3, dim, wp, PiecePooling.MEAN);
      WordStates got = withBos.encode(List.of(words), 2, PiecePooling.MEAN).get(0);
      assertClose(want.data(), got.data(), 1e-5, "with BOS");
      WordStates noBos = teacher.encode(List.of(words), 2, PiecePooling.MEAN).get(0);
      assertTrue(maxDiff(noBos.data(), got.data()) > 1e-3, "BOS changes the states");

      // a long sentence with BOS: 40 single-piece words, windows of 31 + BOS
      List<String> longWords = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        longWords.add(SINGLE_PIECE_WORDS.get(i % SINGLE_PIECE_WORDS.size()));
      }
      WordStates longGot = withBos.encode(List.of(longWords), 2, PiecePooling.FIRST).get(0);
      TokenizedSentence lwp = withBos.wordPieces().map(longWords);
      int[] first = new int[32];
      first[0] = 50256;
      System.arraycopy(lwp.ids(), 0, first, 1, 31);
      float[] w0 = direct.forward(new int[][] {first}, 2)[0];
      int o = (2 * 32 + 1 + 30) * dim; // piece 30, top layer
      assertClose(Arrays.copyOfRange(w0, o, o + dim), longGot.vector(2, 30), 1e-5, "piece 30 with BOS");
    }
  }

  @Test
  void loadsAHuggingFaceDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"),
        "{\"model_type\": \"gpt2\", \"vocab_size\": 50257, \"n_embd\": 16, \"n_layer\": 2, \"n_head\": 2,"
            + " \"n_inner\": 64, \"n_positions\": 32, \"layer_norm_epsilon\": 1e-5,"
            + " \"activation_function\": \"gelu_new\"}");
    List<Tensor> prefixed = new ArrayList<>();
    for (Tensor t : TinyGpt2.randomTensors(CFG, SEED).values()) {
      prefixed.add(new Tensor("transformer." + t.name(), t.shape(), t.data()));
    }
    SafetensorsTestWriter.write(dir.resolve("model.safetensors"), prefixed);
    Path tok = SharedFixtures.gpt2Tokenizer();
    Files.copy(tok.resolve("encoder.json"), dir.resolve("vocab.json"));
    Files.copy(tok.resolve("vocab.bpe"), dir.resolve("merges.txt"));
    try (Gpt2Teacher loaded = Gpt2Teacher.load(dir, Gpt2Teacher.Options.defaults())) {
      assertEquals(3, loaded.info().numLayers());
      assertEquals(dir.toString(), loaded.info().id());
      List<String> words = List.of("Loading", "works", ".");
      assertClose(teacher.encode(List.of(words), 2, PiecePooling.MEAN).get(0).data(),
          loaded.encode(List.of(words), 2, PiecePooling.MEAN).get(0).data(), 0, "loaded = in-memory");
    }
  }

  @Test
  void tokenizerLargerThanModelIsRejected(@TempDir Path dir) throws IOException {
    for (String f : List.of("config.json", "model.safetensors")) {
      Files.copy(TinyGpt2.dir().resolve(f), dir.resolve(f));
    }
    Path tok = SharedFixtures.gpt2Tokenizer();
    Files.copy(tok.resolve("encoder.json"), dir.resolve("encoder.json"));
    Files.copy(tok.resolve("vocab.bpe"), dir.resolve("vocab.bpe"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gpt2Teacher.load(dir, Gpt2Teacher.Options.defaults()));
    assertEquals("tokenizer has 50257 tokens but the model only 96", e.getMessage());
  }

  static double maxDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static void assertClose(float[] want, float[] got, double tol, String what) {
    assertEquals(want.length, got.length, what + ": length");
    double d = maxDiff(want, got);
    assertTrue(d <= tol, what + ": max |diff| " + d);
  }
}
