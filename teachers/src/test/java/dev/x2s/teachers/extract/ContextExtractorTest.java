package dev.x2s.teachers.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Sentence;
import dev.x2s.jobs.Progress;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.testing.FakeTeacher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContextExtractorTest {
  static final long SEED = 20261124L;

  /** Random sentences of 1..maxWords words of 1..12 letters; seed printed. */
  static List<Sentence> corpus(int n, int maxWords, long seed) {
    System.out.println("ContextExtractorTest seed " + seed);
    Random r = new Random(seed);
    List<Sentence> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 1 + r.nextInt(maxWords);
      List<String> words = new ArrayList<>();
      for (int w = 0; w < len; w++) {
        char[] c = new char[1 + r.nextInt(12)];
        for (int k = 0; k < c.length; k++) {
          c[k] = (char) ('a' + r.nextInt(26));
        }
        words.add(new String(c));
      }
      out.add(new Sentence(i, words));
    }
    return out;
  }

  /** Counts how far reading runs ahead of delivery. */
  static final class Watched implements Iterator<Sentence> {
    final Iterator<Sentence> in;
    long pulled;
    long delivered;
    long maxAhead;

    Watched(List<Sentence> s) {
      in = s.iterator();
    }

    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public Sentence next() {
      pulled++;
      maxAhead = Math.max(maxAhead, pulled - delivered);
      return in.next();
    }
  }

  static int pieces(Sentence s) {
    return s.words().stream().mapToInt(FakeTeacher::pieceCount).sum();
  }

  @Test
  void deliversEverySentenceInOrderWithItsOwnVectors() {
    List<Sentence> sentences = corpus(1000, 60, SEED);
    FakeTeacher t = new FakeTeacher();
    ExtractionOptions o = ExtractionOptions.defaults(2).withBatch(8, 200).withReadAhead(4, Long.MAX_VALUE);
    List<Long> ids = new ArrayList<>();
    Watched in = new Watched(sentences);
    Progress progress = Progress.silent("test");
    ExtractionStats st = new ContextExtractor(t, o).run(in, (s, ws) -> {
      in.delivered++;
      ids.add(s.id());
      assertEquals(3, ws.layers());
      assertEquals(s.size(), ws.words());
      for (int l = 0; l < 3; l++) {
        for (int w = 0; w < s.size(); w++) {
          for (int k = 0; k < FakeTeacher.DIM; k++) {
            assertEquals(FakeTeacher.value(s.words().get(w), w, l, k), ws.get(l, w, k));
          }
        }
      }
    }, progress);
    List<Long> expected = sentences.stream().map(Sentence::id).toList();
    assertEquals(expected, ids);
    long words = sentences.stream().mapToLong(Sentence::size).sum();
    assertEquals(1000, st.sentences());
    assertEquals(words, st.words());
    assertEquals(1000, progress.count());
    assertEquals(words, progress.secondCount());
    assertEquals(sentences.stream().mapToLong(ContextExtractorTest::pieces).sum(), st.length());
    // read-ahead never exceeds the window of 4 × 8 sentences
    assertTrue(in.maxAhead <= 32, "ahead " + in.maxAhead);
    assertEquals(32, st.maxHeldSentences());
    assertEquals((1000 + 31) / 32, st.windows());
  }

  @Test
  void batchesRespectSizeAndPieceBudgetAndAreLengthSorted() {
    List<Sentence> sentences = corpus(600, 40, SEED + 1);
    FakeTeacher t = new FakeTeacher();
    int budget = 150;
    ExtractionOptions o = ExtractionOptions.defaults(1).withBatch(16, budget).withReadAhead(8, Long.MAX_VALUE);
    ExtractionStats st = new ContextExtractor(t, o).run(sentences.iterator(), (s, ws) -> { }, null);
    long padded = 0;
    for (List<List<String>> b : t.batches()) {
      assertTrue(b.size() <= 16);
      int[] len = b.stream().mapToInt(s -> s.stream().mapToInt(FakeTeacher::pieceCount).sum()).toArray();
      int longest = java.util.Arrays.stream(len).max().getAsInt();
      assertTrue(b.size() == 1 || b.size() * longest <= budget, "batch over budget: " + b.size() + "×" + longest);
      for (int i = 1; i < len.length; i++) {
        assertTrue(len[i - 1] <= len[i], "batch not sorted by length");
      }
      padded += (long) b.size() * longest;
    }
    assertEquals(t.batches().size(), st.batches());
    assertEquals(padded, st.paddedLength());
    // sorting cuts padding: the same batches in input order would pad far more
    long unsorted = 0;
    for (int i = 0; i < sentences.size(); i += 16) {
      int longest = 0;
      int end = Math.min(sentences.size(), i + 16);
      for (int j = i; j < end; j++) {
        longest = Math.max(longest, pieces(sentences.get(j)));
      }
      unsorted += (long) (end - i) * longest;
    }
    System.out.printf("padding efficiency sorted %.3f, input order (16 per batch) %.3f%n",
        st.paddingEfficiency(), (double) st.length() / unsorted);
    assertTrue(st.paddingEfficiency() > 0.9, "efficiency " + st.paddingEfficiency());
  }

  @Test
  void sentenceLongerThanTheBudgetGoesAlone() {
    List<String> longWords = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      longWords.add("abcdef"); // 2 pieces each → 100 pieces
    }
    List<Sentence> s = List.of(new Sentence(0, List.of("a", "b")), new Sentence(1, longWords),
        new Sentence(2, List.of("c")));
    FakeTeacher t = new FakeTeacher();
    ExtractionOptions o = ExtractionOptions.defaults(0).withBatch(8, 10);
    List<Long> ids = new ArrayList<>();
    new ContextExtractor(t, o).run(s.iterator(), (x, ws) -> ids.add(x.id()), null);
    assertEquals(List.of(0L, 1L, 2L), ids);
    assertEquals(2, t.batches().size()); // [c, a b] (2 × 2 = 4 <= 10), then the long one alone
    assertEquals(List.of(List.of("c"), List.of("a", "b")), t.batches().get(0));
    assertEquals(List.of(longWords), t.batches().get(1));
  }

  @Test
  void valueBudgetCutsWindowsShort() {
    List<Sentence> sentences = corpus(300, 30, SEED + 2);
    FakeTeacher t = new FakeTeacher();
    long budget = 500; // floats: (maxLayer+1)=2 × DIM per word
    ExtractionOptions o = ExtractionOptions.defaults(1).withBatch(8, 1000).withReadAhead(100, budget);
    Watched in = new Watched(sentences);
    List<Long> ids = new ArrayList<>();
    ExtractionStats st = new ContextExtractor(t, o).run(in, (s, ws) -> {
      in.delivered++;
      ids.add(s.id());
    }, null);
    assertEquals(sentences.stream().map(Sentence::id).toList(), ids);
    assertTrue(st.maxHeldValues() <= budget, "held " + st.maxHeldValues());
    assertTrue(st.windows() >= 300L * 2 * FakeTeacher.DIM * 15 / budget, "windows " + st.windows()); // mean 15.5 words
    assertTrue(in.maxAhead <= st.maxHeldSentences() && st.maxHeldSentences() <= 800);
  }

  @Test
  void sentenceOverTheValueBudgetIsStillProcessed() {
    List<Sentence> s = corpus(5, 20, SEED + 3);
    FakeTeacher t = new FakeTeacher();
    ExtractionOptions o = ExtractionOptions.defaults(FakeTeacher.LAYERS - 1).withReadAhead(4, 1); // any sentence exceeds 1 float
    List<Long> ids = new ArrayList<>();
    ExtractionStats st = new ContextExtractor(t, o).run(s.iterator(), (x, ws) -> ids.add(x.id()), null);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ids);
    assertEquals(5, st.windows());
  }

  /** The pieces that measure a sentence are the pieces encoded: one tokenisation per sentence. */
  @Test
  void everySentenceIsTokenisedOnceWhateverTheLengthMeasure() {
    List<Sentence> sentences = corpus(300, 10, SEED + 4);
    for (LengthMeasure m : LengthMeasure.values()) {
      FakeTeacher t = new FakeTeacher();
      ExtractionOptions o = ExtractionOptions.defaults(0).withLengthMeasure(m).withBatch(8, 64);
      List<Integer> pieces = new ArrayList<>();
      ExtractionStats st = new ContextExtractor(t, o).run(sentences.iterator(), (s, ws) -> {
        for (int w = 0; w < s.size(); w++) {
          pieces.add(ws.pieceCount(w));
        }
      }, null);
      java.util.Map<List<String>, Integer> expected = new java.util.HashMap<>();
      sentences.forEach(s -> expected.merge(s.words(), 1, Integer::sum));
      assertEquals(expected, t.tokenized(), m.name());
      assertEquals(0, t.piecesCalls(), m.name());
      assertEquals(sentences.stream().flatMap(s -> s.words().stream()).map(FakeTeacher::pieceCount).toList(),
          pieces, m.name());
      assertEquals(sentences.stream().mapToLong(m == LengthMeasure.WORDS ? Sentence::size
          : ContextExtractorTest::pieces).sum(), st.length(), m.name());
    }
  }

  @Test
  void reproducibleBatching() {
    List<Sentence> sentences = corpus(400, 50, SEED + 5);
    ExtractionOptions o = ExtractionOptions.defaults(1).withBatch(10, 300).withReadAhead(5, 10_000);
    FakeTeacher a = new FakeTeacher();
    FakeTeacher b = new FakeTeacher();
    new ContextExtractor(a, o).run(sentences.iterator(), (s, ws) -> { }, null);
    new ContextExtractor(b, o).run(sentences.iterator(), (s, ws) -> { }, null);
    assertEquals(a.batches(), b.batches());
  }

  @Test
  void planIsStableAndGreedy() {
    // lengths by index; sorted stable: 1(i=2) 2(i=0) 2(i=4) 3(i=1) 9(i=3)
    List<int[]> plan = ContextExtractor.plan(new int[] {2, 3, 1, 9, 2}, 3, 9);
    assertEquals(3, plan.size());
    assertArrayEquals(new int[] {2, 0, 4}, plan.get(0)); // 3 × 2 = 6 <= 9, batch size 3 reached
    assertArrayEquals(new int[] {1}, plan.get(1)); // 2 × 9 = 18 > 9
    assertArrayEquals(new int[] {3}, plan.get(2));
    assertEquals(0, ContextExtractor.plan(new int[0], 3, 9).size());
  }

  @Test
  void emptyInputDoesNothing() {
    FakeTeacher t = new FakeTeacher();
    ExtractionStats st = new ContextExtractor(t, ExtractionOptions.defaults(0))
        .run(List.<Sentence>of().iterator(), (s, ws) -> { }, null);
    assertEquals(0, st.sentences());
    assertEquals(0, st.batches());
    assertEquals(0, t.batches().size());
  }

  @Test
  void badTeacherOutputNamesTheSentence() {
    FakeTeacher wrong = new FakeTeacher() {
      @Override
      public List<WordStates> encodeTokenized(List<TokenizedSentence> s, int maxLayer, PiecePooling pooling) {
        List<WordStates> out = new ArrayList<>(super.encodeTokenized(s, maxLayer, pooling));
        out.set(0, new WordStates(maxLayer + 1, 1, DIM, new float[(maxLayer + 1) * DIM]));
        return out;
      }
    };
    List<Sentence> s = List.of(new Sentence(41, List.of("two", "words")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ContextExtractor(wrong, ExtractionOptions.defaults(1)).run(s.iterator(), (x, ws) -> { }, null));
    assertTrue(e.getMessage().contains("sentence 41"), e.getMessage());
  }

  @Test
  void piecesCountsThatDisagreeWithTheTokenisationAreRefused() {
    FakeTeacher wrong = new FakeTeacher() {
      @Override
      public List<WordStates> encodeTokenized(List<TokenizedSentence> s, int maxLayer, PiecePooling pooling) {
        List<WordStates> out = new ArrayList<>();
        for (WordStates ws : super.encodeTokenized(s, maxLayer, pooling)) {
          out.add(new WordStates(ws.layers(), ws.words(), ws.dim(), ws.data())); // one piece a word
        }
        return out;
      }
    };
    List<Sentence> s = List.of(new Sentence(7, List.of("a", "abcdefg")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ContextExtractor(wrong, ExtractionOptions.defaults(1)).run(s.iterator(), (x, ws) -> { }, null));
    assertEquals("teacher fake returned word 1 of sentence 7 as pooled from 1 pieces, but tokenised it into 3",
        e.getMessage());
  }

  @Test
  void maxLayerBeyondTheTeacherIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ContextExtractor(new FakeTeacher(), ExtractionOptions.defaults(FakeTeacher.LAYERS)));
  }
}
