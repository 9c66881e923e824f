package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.x2static.cache.CacheIdentity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declared options of {@code x2s distill} and the fingerprints they make. */
class DistillConfigTest {
  private static final String SHA = "ab".repeat(32);
  private final DistillConfig d = DistillConfig.defaults("all-minilm-l6-v2", Path.of("c.txt"), Path.of("o.x2v"));

  /** The settings map the cache identity was built from before options were declared (literal). */
  private static CacheIdentity before(String teacher, String layers, String variant, boolean lower, String splitter,
      long maxSentences, boolean exclude) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("layers", layers);
    s.put("variant", variant);
    s.put("lowercase", Boolean.toString(lower));
    s.put("splitter", splitter);
    s.put("tokenizer", CacheIdentity.TOKENIZER_VERSION);
    s.put("max_sentences", Long.toString(maxSentences));
    s.put("pooling", "piece-mean");
    s.put("exclude_target", Boolean.toString(exclude));
    return new CacheIdentity(SHA, teacher, s);
  }

  /** Context caches keep their keys: hours of teacher time are not recomputed after the change. */
  @Test
  void contextCacheKeysAreUnchanged() {
    assertEquals(before("all-minilm-l6-v2", "[-1]", "sentence", true, "rules", 0, false).key(),
        ContextBuilder.identity(d, SHA).key());
    DistillConfig other = d.toBuilder().set(DistillConfig::layers, LayerSpec.parse("1,-1"))
        .set(DistillConfig::variant, DistillConfig.Variant.PARAGRAPH).set(DistillConfig::lowercase, false)
        .set(DistillConfig::splitter, SentenceSplitter.Kind.BREAK_ITERATOR)
        .set(DistillConfig::maxSentences, SentenceLimit.of(800)).set(DistillConfig::excludeTarget, true).build();
    assertEquals(before("all-minilm-l6-v2", "[1, -1]", "paragraph", false, "break-iterator", 800, true).key(),
        ContextBuilder.identity(other, SHA).key());
    assertEquals(before("all-minilm-l6-v2", "[-1]", "sentence", true, "rules", 20000, false).key(),
        ContextBuilder.identity(d.with(DistillConfig::maxSentences, SentenceLimit.of(20000)), SHA).key());
  }

  @Test
  void trainingFingerprintIsStableAndFollowsEveryTrainingOption() {
    assertEquals("exclude_target=false|min_count=10|max_vocab=200000|dim_projection=0|optimizer=adam|lr=0.001"
        + "|epochs=1|negatives=10|t=5.0E-6|batch_sentences=128|shuffle=true|threads=2|seed=1|engine=fused",
        d.trainingFingerprint());
    assertEquals(d.trainingFingerprint(), d.with(DistillConfig::out, Path.of("elsewhere.vec")).trainingFingerprint());
    assertEquals(d.trainingFingerprint(), d.with(DistillConfig::teacherBatch, 7).trainingFingerprint());
    assertNotEquals(d.trainingFingerprint(), d.with(DistillConfig::lr, 2e-3).trainingFingerprint());
    assertNotEquals(d.trainingFingerprint(), d.with(DistillConfig::threads, 1).trainingFingerprint());
    assertNotEquals(d.trainingFingerprint(), d.with(DistillConfig::excludeTarget, true).trainingFingerprint());
  }

  @Test
  void declaredDefaultsAreTheReleaseSettings() {
    assertEquals(SentenceLimit.ALL, d.maxSentences());
    assertEquals(LayerSpec.of(-1), d.layers());
    assertEquals(SentenceSplitter.Kind.RULES, d.splitter());
    assertEquals(10, d.minCount());
    assertEquals(200_000, d.maxVocab());
    assertEquals(1e-3, d.lr());
    assertEquals(5e-6, d.t());
    assertEquals(128, d.batchSentences());
    assertEquals(500, d.checkpointBatches());
    assertEquals(2000, d.cacheCheckpointSentences());
  }
}
