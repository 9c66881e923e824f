package dev.x2s.layerpc;

import dev.x2s.teachers.testing.ContextualFakeTeacher;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.layerpc.occurrence.OccurrencePriority;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.vectors.Half;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPcJobTest {
  static final int K = 5;
  static final int[] LAYERS = {1, 2, 3};
  @TempDir Path dir;

  /** The settings the tests (and the child process of the resume test) use. */
  static LayerPcOptions options(Path corpus, Path out) {
    return LayerPcOptions.defaults("fake", corpus, out, LayerSpec.of(LAYERS),
            EnumSet.of(Method.PC, Method.PC_CENTRED, Method.MEAN)).toBuilder()
        .set(LayerPcOptions::samplesPerWord, K).set(LayerPcOptions::minContexts, 5).set(LayerPcOptions::seed, 7L)
        .set(LayerPcOptions::batchSize, 4).set(LayerPcOptions::maxPieces, 64)
        .set(LayerPcOptions::readAheadBatches, 2).set(LayerPcOptions::maxBufferedValues, 1L << 20)
        .set(LayerPcOptions::chunkSentences, 16)
        .set(LayerPcOptions::checkpointSentences, 32L).set(LayerPcOptions::checkpointSeconds, 3600L).build();
  }

  /** A seeded random corpus: sentences of 3–12 words from a 40-word Zipf-ish vocabulary, one per line. */
  static Path corpus(Path dir, int sentences, long seed) throws IOException {
    System.out.println("LayerPcJobTest corpus seed " + seed);
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      int n = 3 + r.nextInt(10);
      for (int j = 0; j < n; j++) {
        int w = (int) Math.floor(Math.pow(40, r.nextDouble())) - 1; // Zipf-like: small ids frequent
        sb.append(j == 0 ? "" : " ").append("w").append(w);
      }
      sb.append(" z").append(i % 97).append('\n'); // z-words: rare-ish, some under min_contexts
    }
    Path f = dir.resolve("corpus.txt");
    Files.writeString(f, sb);
    return f;
  }

  static List<Sentence> read(Path corpus) throws IOException {
    List<Sentence> out = new ArrayList<>();
    try (SentenceStream s = SentenceStream.open(corpus, SentenceSplitter.Kind.NONE)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void lowercaseMergesCaseVariantsExactlyAsALowerCaseCorpus(@TempDir Path dir) throws IOException {
    Path lower = corpus(dir, 200, 21);
    List<String> lines = Files.readAllLines(lower);
    for (int i = 0; i < lines.size(); i += 2) {
      lines.set(i, lines.get(i).toUpperCase(java.util.Locale.ROOT)); // "W3 W10 Z4", …
    }
    Path mixed = dir.resolve("mixed.txt");
    Files.write(mixed, lines);
    LayerPcOptions a = options(lower, dir.resolve("a"));
    LayerPcOptions b = options(mixed, dir.resolve("b")).with(LayerPcOptions::lowercase, true);
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(a, t, System.err, true).run();
      new LayerPcJob(b, t, System.err, true).run();
    }
    for (String f : new String[] {"pc-layer1.x2v", "mean-layer3.x2v"}) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void storeHoldsTheBottomKSampleAndVectorsMatchIndependentComputations() throws IOException {
    Path corpus = corpus(dir, 300, 11);
    Path out = dir.resolve("out");
    LayerPcOptions o = options(corpus, out);
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o, t, System.err, true).run();
    }
    assertFalse(Files.exists(out.resolve("work")), "work directory removed");
    assertTrue(Files.exists(out.resolve("run.json")));
    // brute force: every occurrence of every word, its priority, contexts
    List<Sentence> sentences = read(corpus);
    Map<String, List<long[]>> occ = new HashMap<>(); // word -> (sid, pos)
    Map<String, Set<Long>> ctx = new HashMap<>();
    for (Sentence s : sentences) {
      for (int p = 0; p < s.size(); p++) {
        occ.computeIfAbsent(s.words().get(p), k -> new ArrayList<>()).add(new long[] {s.id(), p});
        ctx.computeIfAbsent(s.words().get(p), k -> new HashSet<>()).add(s.id());
      }
    }
    try (OccurrenceStore store = OccurrenceStore.open(out.resolve(LayerPcJob.STORE))) {
      store.verifyVectors();
      int expectedWords = 0;
      for (var e : ctx.entrySet()) {
        if (e.getValue().size() >= 5) {
          expectedWords++;
          assertTrue(store.indexOf(e.getKey()) >= 0, e.getKey());
        } else {
          assertEquals(-1, store.indexOf(e.getKey()), e.getKey() + " has " + e.getValue().size() + " contexts");
        }
      }
      assertEquals(expectedWords, store.wordCount());
      assertArrayEquals(LAYERS, store.layers());
      WordVectors mean3 = VectorFiles.read(out.resolve("mean-layer3.x2v"));
      WordVectors pc2 = VectorFiles.read(out.resolve("pc-layer2.x2v"));
      WordVectors pcc2 = VectorFiles.read(out.resolve("pc-centred-layer2.x2v"));
      for (int w = 0; w < store.wordCount(); w++) {
        String word = store.word(w);
        List<long[]> all = occ.get(word);
        assertEquals(all.size(), store.occurrences(w), word);
        assertEquals(ctx.get(word).size(), store.contexts(w), word);
        // sample: the K smallest priorities (unsigned), in (sentence, position) order
        long key = OccurrencePriority.wordKey(7, word);
        List<long[]> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Long.compareUnsigned(OccurrencePriority.priority(key, a[0], (int) a[1]),
            OccurrencePriority.priority(key, b[0], (int) b[1])));
        List<long[]> sample = new ArrayList<>(sorted.subList(0, Math.min(K, sorted.size())));
        sample.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        assertEquals(sample.size(), store.slotCount(w), word);
        for (int i = 0; i < sample.size(); i++) {
          long slot = store.slotBase(w) + i;
          assertEquals(sample.get(i)[0], store.sentenceId(slot), word);
          assertEquals(sample.get(i)[1], store.position(slot), word);
          Sentence s = sentences.get((int) sample.get(i)[0]);
          for (int layer : LAYERS) {
            float[] v = store.vectors(w, layer)[i];
            for (int d = 0; d < ContextualFakeTeacher.DIM; d++) {
              float expected = Half.toFloat(Half.fromFloat(
                  ContextualFakeTeacher.value(s.words(), (int) sample.get(i)[1], layer, d)));
              assertEquals(expected, v[d], 0f, word);
            }
          }
        }
        // mean over ALL occurrences, from the teacher's values directly
        double[] sum = new double[ContextualFakeTeacher.DIM];
        for (long[] a : all) {
          for (int d = 0; d < sum.length; d++) {
            sum[d] += ContextualFakeTeacher.value(sentences.get((int) a[0]).words(), (int) a[1], 3, d);
          }
        }
        float[] m = mean3.vector(word);
        for (int d = 0; d < sum.length; d++) {
          assertEquals(sum[d] / all.size(), m[d], 1e-6, word);
        }
        // pc: equal to the PC of the stored sample (PrincipalComponentTest checks PC against an SVD)
        float[] x = store.matrix(w, 2);
        assertArrayEquals(PrincipalComponent.top(x, store.slotCount(w), store.dim(), false), pc2.vector(word), word);
        float[] c = PrincipalComponent.top(x, store.slotCount(w), store.dim(), true);
        if (c != null) {
          assertArrayEquals(c, pcc2.vector(word), word);
        }
      }
    }
    // a second run with the same settings does nothing
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      assertTrue(new LayerPcJob(o, t, System.err, true).run().isEmpty());
      assertEquals(0, t.encodeCalls());
    }
  }

  @Test
  void pcOnlyEncodesOnlySentencesWithSamples() throws IOException {
    Path corpus = corpus(dir, 300, 12);
    LayerPcOptions o = options(corpus, dir.resolve("pc"));
    o = o.toBuilder().set(LayerPcOptions::methods, EnumSet.of(Method.PC)).set(LayerPcOptions::samplesPerWord, 2)
        .build();
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o, t, System.err, true).run();
    }
    try (OccurrenceStore s = OccurrenceStore.open(dir.resolve("pc").resolve(LayerPcJob.STORE))) {
      Set<Long> needed = new HashSet<>();
      for (long i = 0; i < s.totalSlots(); i++) {
        needed.add(s.sentenceId(i));
      }
      assertTrue(needed.size() < 300, "fewer sentences than the corpus: " + needed.size());
    }
    assertTrue(Files.exists(dir.resolve("pc/pc-layer3.x2v")));
    assertFalse(Files.exists(dir.resolve("pc/mean-layer3.x2v")));
  }

  @Test
  void badInputFailsBeforeTheTeacherRuns() throws IOException {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "\n  \n");
    Path rare = dir.resolve("rare.txt");
    Files.writeString(rare, "a b c\nd e f\na b\n");
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new LayerPcJob(options(empty, dir.resolve("o1")), t, System.err, true).run());
      assertTrue(e.getMessage().contains("holds no sentences") && e.getMessage().contains("empty.txt"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> new LayerPcJob(options(rare, dir.resolve("o2")), t, System.err, true).run());
      assertTrue(e.getMessage().contains("at least 5 distinct sentences") && e.getMessage().contains("'a' in 2"),
          e.getMessage());
      LayerPcOptions tooHigh = LayerPcOptions.defaults("fake", rare, dir.resolve("o3"), LayerSpec.of(0, 4),
          Set.of(Method.PC));
      e = assertThrows(IllegalArgumentException.class, () -> new LayerPcJob(tooHigh, t, System.err, true).run());
      assertTrue(e.getMessage().contains("layer 4 is out of range") && e.getMessage().contains("0..3"), e.getMessage());
      assertEquals(0, t.encodeCalls());
    }
  }

  @Test
  void theShippedVocabularyIsTheFrequentCorpusWordsThenTheListEachBlendedByItsOccurrences() throws IOException {
    Path corpus = corpus(dir, 200, 13);
    Path list = dir.resolve("words.txt");
    Files.writeString(list, "# benchmark words\nw0\nnever-seen\nw1\nnew_york\n");
    LayerPcOptions o = options(corpus, dir.resolve("d"));
    // words in 2+ sentences get corpus vectors; only those with 5+ occurrences are shipped unless listed
    o = o.toBuilder().set(LayerPcOptions::methods, EnumSet.of(Method.MEAN, Method.DECONTEXT))
        .set(LayerPcOptions::decontextWords, list).set(LayerPcOptions::minContexts, 2).build();
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o, t, System.err, true).run();
    }
    Map<String, Long> occurrences = new java.util.HashMap<>();
    for (Sentence s : read(corpus)) {
      s.words().forEach(w -> occurrences.merge(w, 1L, Long::sum));
    }
    WordVectors mean = VectorFiles.read(dir.resolve("d/mean-layer2.x2v"));
    List<String> expected = new ArrayList<>();
    for (String w : mean.words()) {   // plan order: most frequent first
      if (occurrences.get(w) >= 5) {
        expected.add(w);
      }
    }
    assertTrue(expected.size() < mean.size(), "some kept words have fewer than 5 occurrences");
    expected.add("never-seen");
    expected.add("new_york");
    WordVectors d = VectorFiles.read(dir.resolve("d/decontext-layer2.x2v"));
    assertEquals(expected, d.words());
    float[] v = d.vector("never-seen");
    for (int k = 0; k < v.length; k++) {
      assertEquals(ContextualFakeTeacher.value(List.of("never-seen"), 0, 2, k), v[k], 0f);
    }
    // a phrase: its words encoded together, the mean of their vectors
    float[] ny = d.vector("new_york");
    for (int k = 0; k < ny.length; k++) {
      double m = (ContextualFakeTeacher.value(List.of("new", "york"), 0, 2, k)
          + ContextualFakeTeacher.value(List.of("new", "york"), 1, 2, k)) / 2;
      assertEquals(m, ny[k], 1e-6);
    }
    WordVectors shipped = VectorFiles.read(dir.resolve("d/mean+decontext-layer2.x2v"));
    assertEquals(expected, shipped.words());
    assertArrayEquals(Blend.of(null, 0, v, 10), shipped.vector("never-seen"));
    for (String w : List.of("w0", "w1")) {
      assertArrayEquals(Blend.of(mean.vector(w), occurrences.get(w), d.vector(w), 10), shipped.vector(w), w);
    }
    String run = Files.readString(dir.resolve("d/run.json"));
    assertTrue(run.contains("\"without_decontext\": 2") && run.contains("\"with_decontext\": 4"), run);
    assertTrue(run.contains("\"from_decontext_only\": 2"), run);

    // --blend 0: a word with a corpus vector ships it alone, so only the others are encoded alone
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o.toBuilder().set(LayerPcOptions::blend, 0.0).set(LayerPcOptions::out, dir.resolve("fill"))
          .build(), t, System.err, true).run();
    }
    assertEquals(List.of("never-seen", "new_york"), VectorFiles.read(dir.resolve("fill/decontext-layer2.x2v")).words());
    WordVectors fill = VectorFiles.read(dir.resolve("fill/mean+decontext-layer2.x2v"));
    assertEquals(expected, fill.words());
    assertArrayEquals(Blend.of(mean.vector("w1"), 1, null, 0), fill.vector("w1"));
    assertArrayEquals(shipped.vector("never-seen"), fill.vector("never-seen"));
  }

  @Test
  void theVocabularyCanBeCountedOverMoreSentencesThanTheTeacherReads() throws IOException {
    Path corpus = corpus(dir, 200, 15);
    LayerPcOptions o = options(corpus, dir.resolve("v")).toBuilder()
        .set(LayerPcOptions::methods, EnumSet.of(Method.MEAN, Method.DECONTEXT)).set(LayerPcOptions::minContexts, 1)
        .set(LayerPcOptions::maxSentences, SentenceLimit.of(20)).build(); // vocabulary: every sentence (default)
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o, t, System.err, true).run();
    }
    Map<String, Long> all = new java.util.HashMap<>();
    read(corpus).forEach(s -> s.words().forEach(w -> all.merge(w, 1L, Long::sum)));
    Set<String> frequent = new java.util.HashSet<>();
    all.forEach((w, n) -> {
      if (n >= 5) {
        frequent.add(w);
      }
    });
    WordVectors shipped = VectorFiles.read(dir.resolve("v/mean+decontext-layer2.x2v"));
    assertEquals(frequent, new java.util.HashSet<>(shipped.words()));
    WordVectors mean = VectorFiles.read(dir.resolve("v/mean-layer2.x2v")); // the teacher's 20 sentences only
    assertTrue(shipped.words().stream().anyMatch(w -> !mean.contains(w)), "some shipped words are not in the 20");
    WordVectors alone = VectorFiles.read(dir.resolve("v/decontext-layer2.x2v"));
    for (String w : shipped.words()) {
      if (!mean.contains(w)) {
        assertArrayEquals(Blend.of(null, 0, alone.vector(w), 10), shipped.vector(w), w);
      }
    }
  }

  /** A negative layer counts from the top, as in distill and quickstart: -1 is the teacher's last layer. */
  @Test
  void negativeLayersCountFromTheTop() throws IOException {
    Path corpus = corpus(dir, 150, 14);
    LayerPcOptions top = options(corpus, dir.resolve("top")).toBuilder()
        .set(LayerPcOptions::layers, LayerSpec.parse("1,-1")).set(LayerPcOptions::methods, EnumSet.of(Method.PC))
        .build();
    LayerPcOptions plain = top.toBuilder().set(LayerPcOptions::layers, LayerSpec.parse("1,3"))
        .set(LayerPcOptions::out, dir.resolve("plain")).build();
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      assertEquals(4, t.info().numLayers());
      new LayerPcJob(top, t, System.err, true).run();
      new LayerPcJob(plain, t, System.err, true).run();
    }
    assertArrayEquals(Files.readAllBytes(dir.resolve("plain/pc-layer3.x2v")),
        Files.readAllBytes(dir.resolve("top/pc-layer3.x2v")));
    assertTrue(Files.exists(dir.resolve("top/pc-layer1.x2v")));
    String prov = Files.readString(dir.resolve("top/pc-layer3.x2v.provenance.json"));
    assertTrue(prov.contains("\"layer\": 3") && prov.contains("\"tool\": \"x2s pc\""), prov);
  }
}
