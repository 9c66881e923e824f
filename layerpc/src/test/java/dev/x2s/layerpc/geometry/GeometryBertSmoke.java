package dev.x2s.layerpc.geometry;

import dev.x2s.testkit.SharedData;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a unit test: runs BERT-base uncased over the first {@code N} corpus sentences (5–40 words),
 * keeps every word occurrence of every sentence in memory, and writes the geometry report and plots
 * to {@code OUT}: {@code GeometryBertSmoke [N] [OUT] [seed] [STORE.x2o]}. Checks the paper's qualitative
 * findings on real vectors; with {@code STORE.x2o} it also writes every occurrence (all layers) to an
 * occurrence store, for trying {@code x2s analyze --store}.
 */
public final class GeometryBertSmoke {
  private GeometryBertSmoke() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    Path out = Path.of(args.length > 1 ? args[1] : "target/geometry-smoke");
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
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
    InMemoryOccurrences.Builder builder = InMemoryOccurrences.builder("BERT-base (smoke)", layers, dim);
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
    if (args.length > 3) {
      writeStore(Path.of(args[3]), vecs, where, layers, dim);
    }
    long t1 = System.nanoTime();
    GeometryOptions o = GeometryOptions.defaults().withSeed(seed);
    TeacherGeometry g = new GeometryAnalyzer(o).analyze(builder.build(), "corpus head, " + sentences.size()
        + " sentences", l -> System.out.print("."));
    System.out.printf("%nanalysed in %.1f s%n", (System.nanoTime() - t1) / 1e9);
    GeometryJson.write(new GeometryReport(o, List.of(g), List.of()), out.resolve("geometry.json"));
    LayerPlots.writeAll(List.of(g), out);
    print(g);
  }

  private static void writeStore(Path file, Map<String, List<float[][]>> vecs, Map<String, List<int[]>> where,
      int layers, int dim) throws java.io.IOException {
    List<String> words = new ArrayList<>(vecs.keySet());
    int[] slots = words.stream().mapToInt(w -> vecs.get(w).size()).toArray();
    long[] occ = java.util.Arrays.stream(slots).asLongStream().toArray();
    long[] ctx = words.stream().mapToLong(w -> where.get(w).stream().mapToInt(x -> x[0]).distinct().count()).toArray();
    int[] layerNumbers = java.util.stream.IntStream.range(0, layers).toArray();
    var layout = new dev.x2s.layerpc.occurrence.StoreLayout(dim, layerNumbers, words.toArray(String[]::new), slots,
        occ, ctx);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (var w = dev.x2s.layerpc.occurrence.OccurrenceStoreWriter.create(partial, layout)) {
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
    System.out.println("wrote " + file);
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
