package dev.x2s.x2static;

import dev.x2s.teachers.testing.FakeTeacher;
import dev.x2s.testkit.TopicCorpus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Casing;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.jobs.Sha256;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.x2static.cache.CacheIdentity;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.x2static.cache.ContextCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher stage and its on-disk cache, with {@link FakeTeacher}. */
class ContextCacheTest {
  @TempDir Path tmp;

  private DistillConfig config(Path corpus, Path cache) {
    return DistillConfig.defaults("fake", corpus, tmp.resolve("out.vec")).toBuilder()
        .set(DistillConfig::cache, cache).set(DistillConfig::minCount, 1).set(DistillConfig::teacherBatch, 4)
        .set(DistillConfig::cacheCheckpointSentences, 5).build();
  }

  @Test
  void contextsArePieceMeansOfTheChosenLayer() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 20, 7);
    DistillConfig cfg = config(corpus, tmp.resolve("cache"));
    ContextBuilder.Result r = new ContextBuilder(cfg, FakeTeacher::new, true).build();
    try (ContextCache cache = r.cache()) {
      assertEquals(FakeTeacher.DIM, cache.dim());
      // expected sentences straight from the corpus reader + splitter + tokenizer, lower-cased
      List<String[]> expected = new ArrayList<>();
      try (SentenceStream s = SentenceStream.open(corpus, SentenceSplitter.Kind.RULES, SentenceLimit.ALL, Casing.LOWER_TEXT)) {
        s.forEachRemaining(u -> expected.add(u.words().toArray(new String[0])));
      }
      assertEquals(expected.size(), cache.size());
      List<String[]> cached = new ArrayList<>();
      cache.forEachSentence((i, w) -> cached.add(w));
      float[] c = new float[cache.dim()];
      for (int s = 0; s < expected.size(); s++) {
        String[] words = expected.get(s);
        assertArrayEquals(words, cached.get(s), "sentence " + s);
        // hand-written piece mean: every piece of word w carries w's vector at the top layer (2)
        double[] sum = new double[FakeTeacher.DIM];
        int pieces = 0;
        for (int w = 0; w < words.length; w++) {
          int n = FakeTeacher.pieceCount(words[w]);
          for (int p = 0; p < n; p++) {
            pieces++;
            for (int k = 0; k < FakeTeacher.DIM; k++) {
              sum[k] += FakeTeacher.value(words[w], w, 2, k);
            }
          }
        }
        cache.context(s, c);
        for (int k = 0; k < FakeTeacher.DIM; k++) {
          assertEquals(sum[k] / pieces, c[k], 1e-3, "sentence " + s + " component " + k); // fp16 storage
        }
      }
    }
  }

  @Test
  void interruptedBuildResumesToIdenticalFiles() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 150, 11);
    Path whole = tmp.resolve("whole");
    Path resumed = tmp.resolve("resumed");
    Path wholeDir;
    try (ContextCache c = new ContextBuilder(config(corpus, whole), FakeTeacher::new, true).build().cache()) {
      wholeDir = c.dir();
      assertTrue(c.size() > 250, "corpus too small: " + c.size());
    }
    DistillConfig cfg = config(corpus, resumed);
    List<FakeTeacher> opened = new ArrayList<>();
    IllegalStateException crash = assertThrows(IllegalStateException.class,
        () -> new ContextBuilder(cfg, id -> add(opened, new FakeTeacher(id, 200)), true).build());
    assertTrue(crash.getMessage().contains("simulated"), crash.getMessage());
    assertTrue(opened.get(0).isClosed(), "teacher closed after the crash");
    Path dir = resumed.resolve(wholeDir.getFileName());
    assertEquals(ContextCache.State.PARTIAL, ContextCache.state(dir));
    // garbage after the checkpoint, as a crash mid-write leaves it, is cut off on resume
    Files.write(dir.resolve(ContextCache.CONTEXTS), new byte[] {1, 2, 3},
        java.nio.file.StandardOpenOption.APPEND);
    ContextBuilder.Result r = new ContextBuilder(cfg, id -> add(opened, new FakeTeacher(id)), true).build();
    r.cache().close();
    assertTrue(opened.get(1).encodedSentences() < r.cache().size(), "resume re-encoded everything");
    for (String f : List.of(ContextCache.CONTEXTS, ContextCache.SENTENCES)) {
      assertArrayEquals(Files.readAllBytes(wholeDir.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
    }
    // a complete cache is reused without opening a teacher
    ContextBuilder.Result again = new ContextBuilder(cfg, id -> {
      throw new AssertionError("teacher opened for a complete cache");
    }, true).build();
    again.cache().close();
    assertTrue(again.reused());
  }

  private static FakeTeacher add(List<FakeTeacher> list, FakeTeacher t) {
    list.add(t);
    return t;
  }

  @Test
  void corruptDataIsRefusedWithTheFileName() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 10, 3);
    DistillConfig cfg = config(corpus, tmp.resolve("cache"));
    Path dir;
    try (ContextCache c = new ContextBuilder(cfg, FakeTeacher::new, true).build().cache()) {
      dir = c.dir();
    }
    Path f = dir.resolve(ContextCache.CONTEXTS);
    byte[] b = Files.readAllBytes(f);
    b[10] ^= 0x40;
    Files.write(f, b);
    RowStoreException e = assertThrows(RowStoreException.class,
        () -> new ContextBuilder(cfg, FakeTeacher::new, true).build());
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("CRC32C"), e.getMessage());
    assertEquals(f, e.file());
    assertEquals(0, e.offset()); // byte 10 lies in the first checksum chunk
  }

  @Test
  void cacheOfAnOlderFormatIsNeverMisread() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 10, 3);
    Path old = tmp.resolve("old-cache");
    Files.createDirectories(old);
    Files.writeString(old.resolve(ContextCache.MANIFEST), "{\"format\": \"x2s-contexts\", \"version\": 1}\n");
    Files.write(old.resolve("contexts.f16"), new byte[64]);
    // given by path: refused, naming the manifest and the format
    RowStoreException e = assertThrows(RowStoreException.class,
        () -> new ContextBuilder(config(corpus, old), FakeTeacher::new, true).build());
    assertTrue(e.getMessage().contains(old.resolve(ContextCache.MANIFEST).toString())
        && e.getMessage().contains("x2s-contexts version 1"), e.getMessage());
    // under a cache root: the format version is part of the key, so the old cache's directory (named by
    // the key of format 1: sha256 of the identity alone) is not even looked at
    DistillConfig cfg = config(corpus, tmp.resolve("root"));
    CacheIdentity id = ContextBuilder.identity(cfg, Sha256.of(corpus));
    StringBuilder v1 = new StringBuilder("corpus=" + id.corpusSha256() + "\nteacher=" + id.teacherId() + "\n");
    id.settings().forEach((k, v) -> v1.append(k).append('=').append(v).append('\n'));
    String v1Key = sha256Hex(v1.toString());
    Files.createDirectories(tmp.resolve("root"));
    Files.move(old, tmp.resolve("root").resolve(v1Key));
    try (ContextCache c = new ContextBuilder(cfg, FakeTeacher::new, true).build().cache()) {
      assertEquals(id.key(), c.dir().getFileName().toString());
      assertNotEquals(v1Key, id.key());
    }
  }

  private static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void cacheOfAnotherTeacherGivenExplicitlyIsAnError() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "c.txt", 10, 3);
    Path dir;
    try (ContextCache c = new ContextBuilder(config(corpus, tmp.resolve("cache")), FakeTeacher::new, true)
        .build().cache()) {
      dir = c.dir();
    }
    DistillConfig other = config(corpus, dir).with(DistillConfig::teacher, "other-teacher");
    RowStoreException e = assertThrows(RowStoreException.class,
        () -> new ContextBuilder(other, FakeTeacher::new, true).build());
    assertTrue(e.getMessage().contains("made for teacher fake") && e.getMessage().contains("other-teacher"),
        e.getMessage());
    // the same cache given explicitly for its own teacher is fine
    new ContextBuilder(config(corpus, dir), FakeTeacher::new, true).build().cache().close();
  }

  @Test
  void paragraphVariantUsesSentenceSpansOfTheParagraph() throws IOException {
    Path corpus = tmp.resolve("p.txt");
    Files.writeString(corpus, "The cat sat. The dog ran far.\n");
    DistillConfig cfg = config(corpus, tmp.resolve("cache")).toBuilder()
        .set(DistillConfig::variant, DistillConfig.Variant.PARAGRAPH).build();
    try (ContextCache c = new ContextBuilder(cfg, FakeTeacher::new, true).build().cache()) {
      assertEquals(2, c.size());
      // second sentence: words at paragraph positions 4..8 ("the dog ran far ."), top layer
      String[] words = {"the", "dog", "ran", "far", "."};
      double[] sum = new double[FakeTeacher.DIM];
      int pieces = 0;
      for (int w = 0; w < words.length; w++) {
        int n = FakeTeacher.pieceCount(words[w]);
        pieces += n;
        for (int k = 0; k < FakeTeacher.DIM; k++) {
          sum[k] += n * FakeTeacher.value(words[w], 4 + w, 2, k);
        }
      }
      float[] got = new float[FakeTeacher.DIM];
      c.context(1, got);
      for (int k = 0; k < FakeTeacher.DIM; k++) {
        assertEquals(sum[k] / pieces, got[k], 1e-3);
      }
    }
  }

  @Test
  void excludeTargetCachesTheSentenceMeanWithoutEachWord() throws IOException {
    Path corpus = tmp.resolve("e.txt");
    Files.writeString(corpus, "The cat sat.\nAlone\n");
    DistillConfig cfg = config(corpus, tmp.resolve("cache")).with(DistillConfig::excludeTarget, true);
    try (ContextCache c = new ContextBuilder(cfg, FakeTeacher::new, true).build().cache()) {
      assertEquals(2, c.size());
      assertEquals(5, c.rows()); // "the cat sat ." + "alone"
      String[] words = {"the", "cat", "sat", "."};
      float[] got = new float[FakeTeacher.DIM];
      for (int t = 0; t < words.length; t++) {
        double[] sum = new double[FakeTeacher.DIM];
        int pieces = 0;
        for (int w = 0; w < words.length; w++) {
          if (w == t) {
            continue;
          }
          int n = FakeTeacher.pieceCount(words[w]);
          pieces += n;
          for (int k = 0; k < FakeTeacher.DIM; k++) {
            sum[k] += n * FakeTeacher.value(words[w], w, 2, k);
          }
        }
        c.context(t, got);
        for (int k = 0; k < FakeTeacher.DIM; k++) {
          assertEquals(sum[k] / pieces, got[k], 1e-3, "target " + t);
        }
      }
      c.context(4, got); // a one-word sentence has no context without its target
      assertArrayEquals(new float[FakeTeacher.DIM], got);
    }
  }
}
