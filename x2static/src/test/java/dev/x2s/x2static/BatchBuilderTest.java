package dev.x2s.x2static;

import dev.x2s.corpus.Vocabulary;
import dev.x2s.corpus.AliasSampler;
import dev.x2s.corpus.Subsampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchBuilderTest {

  @Test
  void eachKeptWordIsATargetFollowedByNegativesNeverEqualToIt() {
    Vocabulary v = SamplingTest.vocab();
    // t = 1 keeps everything (keep probability ≥ 1 for every word here)
    BatchBuilder bb = new BatchBuilder(2, 2, 3, new Subsampler(v, 1.0), AliasSampler.unigram(v, 0.5), 7);
    assertFalse(bb.add(new float[] {1, 2}, new int[] {0, -1, 2}));
    assertTrue(bb.add(new float[] {3, 4}, new int[] {4}));
    TrainingBatch b = bb.take();
    assertEquals(2, b.sentences());
    assertEquals(3, b.targets());
    assertEquals(12, b.pairs());
    assertArrayEquals(new float[] {1, 2, 3, 4}, b.contexts());
    int[] expectedTargets = {0, 2, 4};
    for (int t = 0; t < 3; t++) {
      int base = t * 4;
      assertTrue(b.pairTarget()[base]);
      assertEquals(expectedTargets[t], b.pairRow()[base]);
      assertEquals(t < 2 ? 0 : 1, b.pairSentence()[base]);
      for (int n = 1; n <= 3; n++) {
        assertFalse(b.pairTarget()[base + n]);
        assertNotEquals(b.pairRow()[base], b.pairRow()[base + n]);
        assertEquals(b.pairSentence()[base], b.pairSentence()[base + n]);
      }
    }
    assertTrue(bb.isEmpty());
  }

  @Test
  void sentencesWithNoKeptWordAreNotAdded() {
    Vocabulary v = SamplingTest.vocab();
    BatchBuilder bb = new BatchBuilder(1, 4, 1, new Subsampler(v, 1.0), AliasSampler.unigram(v, 0.5), 1);
    bb.add(new float[] {9}, new int[] {-1, -1});
    assertTrue(bb.isEmpty());
  }

  @Test
  void sameSeedSameBatches() {
    Vocabulary v = SamplingTest.vocab();
    TrainingBatch a = build(v, 5);
    TrainingBatch b = build(v, 5);
    assertArrayEquals(a.pairRow(), b.pairRow());
    assertArrayEquals(a.pairTarget(), b.pairTarget());
  }

  private static TrainingBatch build(Vocabulary v, long seed) {
    BatchBuilder bb = new BatchBuilder(1, 100, 10, new Subsampler(v, 1e-3), AliasSampler.unigram(v, 0.5), seed);
    for (int s = 0; s < 50; s++) {
      bb.add(new float[] {s}, new int[] {0, 1, 2, 3, 4, 0, 1});
    }
    return bb.take();
  }
}
