package dev.x2s.layerpc.geometry;

import com.google.gson.GsonBuilder;
import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link GeometryReport} as JSON (NaN, e.g. a metric with no eligible word, as null). Every
 * metric appears as {@code raw}, {@code baseline} and {@code adjusted = raw − baseline}.
 */
public final class GeometryJson {
  private GeometryJson() {}

  /** The report as JSON text. */
  public static String toJson(GeometryReport report) {
    return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(tree(report));
  }

  /** Writes the report to {@code file} atomically. */
  public static void write(GeometryReport report, Path file) throws IOException {
    String json = toJson(report) + "\n";
    // AtomicFiles owns the stream: write the bytes, do not close it.
    AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
  }

  static Map<String, Object> tree(GeometryReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    GeometryOptions o = report.options();
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("seed", o.seed());
    opts.put("baselinePairs", o.baselinePairs());
    opts.put("baselineSets", o.baselineSets());
    opts.put("minOccurrences", o.minOccurrences());
    opts.put("maxOccurrences", o.maxOccurrences());
    opts.put("paperBaselineSize", o.paperBaselineSize());
    root.put("options", opts);
    List<Object> teachers = new ArrayList<>();
    for (TeacherGeometry t : report.teachers()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("name", t.name());
      tm.put("source", t.source());
      List<Object> layers = new ArrayList<>();
      for (LayerGeometry g : t.layers()) {
        layers.add(layer(g));
      }
      tm.put("layers", layers);
      if (!t.manifold().isEmpty()) {
        List<Object> manifold = new ArrayList<>();
        for (LayerManifold lm : t.manifold()) {
          manifold.add(manifold(lm));
        }
        tm.put("manifold", manifold);
      }
      teachers.add(tm);
    }
    root.put("teachers", teachers);
    List<Object> sets = new ArrayList<>();
    for (GeometryReport.StaticSet s : report.staticSets()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("name", s.name());
      sm.put("file", s.file());
      sm.put("words", s.isotropy().size());
      sm.put("dim", s.isotropy().dim());
      sm.put("isotropy", num(s.isotropy().isotropy()));
      sm.put("abttComponents", s.isotropy().abttComponents());
      sm.put("isotropyAfterAbtt", num(s.isotropy().isotropyAfterAbtt()));
      if (s.clusters() != null) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("k", s.clusters().k());
        cm.put("meanIsotropy", num(s.clusters().mean()));
        cm.put("sizes", s.clusters().sizes());
        List<Double> iso = new ArrayList<>();
        for (double x : s.clusters().isotropy()) {
          iso.add(num(x));
        }
        cm.put("isotropy", iso);
        if (s.clusters().silhouette() != null) {
          cm.put("kMin", s.clusters().kMin());
          cm.put("silhouette", nums(s.clusters().silhouette()));
          cm.put("mms", num(s.clusters().mms()));
        }
        sm.put("clusterIsotropy", cm);
      }
      if (s.lid() != null) {
        sm.put("lid", lid(s.lid()));
      }
      sets.add(sm);
    }
    root.put("staticSets", sets);
    return root;
  }

  private static Map<String, Object> layer(LayerGeometry g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layer", g.layer());
    m.put("words", g.words());
    m.put("sentences", g.sentences());
    m.put("anisotropy", num(g.randomPairCosine()));
    m.put("selfSimilarity", metric(g.selfSimilarity(), g.randomPairCosine()));
    Map<String, Object> intra = metric(g.intraSentence(), g.intraSentenceBaseline());
    intra.put("baselinePaper", num(g.randomPairCosine()));
    intra.put("adjustedPaper", num(g.intraSentenceAdjustedPaper()));
    m.put("intraSentence", intra);
    Map<String, Object> mev = new LinkedHashMap<>();
    mev.put("centred", metric(g.mev().centred(), g.mevBaseline().centred()));
    mev.put("uncentred", metric(g.mev().uncentred(), g.mevBaseline().uncentred()));
    mev.put("truncatedSvd", metric(g.mev().truncatedSvd(), g.mevBaseline().truncatedSvd()));
    mev.put("paperBaseline", num(g.paperMevBaseline()));
    mev.put("paperFigure", num(g.mevPaperFigure()));
    mev.put("releasedCodeAdjusted", num(g.mevReleasedCodeAdjusted()));
    m.put("mev", mev);
    return m;
  }

  /** The cluster, LID and frequency view of a layer (Cai et al. 2021); the 3-D view goes to PNG only. */
  static Map<String, Object> manifold(LayerManifold lm) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layer", lm.layer());
    LayerManifold.Clusters c = lm.clusters();
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("points", c.points());
    cm.put("kMin", c.kMin());
    cm.put("silhouette", nums(c.silhouette()));
    cm.put("mms", num(c.mms()));
    cm.put("bestK", c.bestK());
    cm.put("k", c.k());
    cm.put("sizes", c.sizes());
    m.put("clusters", cm);
    Map<String, Object> iso = new LinkedHashMap<>();
    iso.put("raw", num(lm.isotropy().raw()));
    iso.put("centred", num(lm.isotropy().centred()));
    iso.put("clusterCentred", num(lm.isotropy().clusterCentred()));
    iso.put("perClusterMean", num(lm.isotropy().perClusterMean()));
    iso.put("perCluster", nums(lm.isotropy().perCluster()));
    m.put("isotropy", iso);
    m.put("interCosine", similarity(lm.inter()));
    m.put("selfSimilarity", similarity(lm.self()));
    m.put("intraSentence", similarity(lm.intraSentence()));
    m.put("lid", lid(lm.lid()));
    List<Object> bands = new ArrayList<>();
    for (LayerManifold.FrequencyBand b : lm.bands()) {
      Map<String, Object> bm = new LinkedHashMap<>();
      bm.put("band", b.label());
      bm.put("minFrequency", b.minFrequency());
      bm.put("maxFrequencyExclusive", b.maxFrequency() < 0 ? null : b.maxFrequency());
      bm.put("words", b.words());
      bm.put("occurrences", b.occurrences());
      bm.put("norm", num(b.norm()));
      bm.put("distanceToMean", num(b.distanceToMean()));
      bm.put("distanceToClusterMean", num(b.distanceToClusterMean()));
      bm.put("cosineToMean", num(b.cosineToMean()));
      bm.put("clusterShare", nums(b.clusterShare()));
      bands.add(bm);
    }
    m.put("frequencyBands", bands);
    if (lm.view() != null) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("word", lm.view().word());
      vm.put("occurrences", lm.view().points().length / 3);
      vm.put("varianceRatio3d", num(lm.view().varianceRatio()));
      m.put("view", vm);
    }
    return m;
  }

  private static Map<String, Object> similarity(LayerManifold.Similarity s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("raw", num(s.raw()));
    m.put("centred", num(s.centred()));
    m.put("clusterCentred", num(s.clusterCentred()));
    return m;
  }

  static Map<String, Object> lid(LayerManifold.Lid l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", l.k());
    m.put("points", l.points());
    m.put("queries", l.queries());
    m.put("mean", num(l.mean()));
    m.put("std", num(l.std()));
    m.put("median", num(l.median()));
    m.put("q10", num(l.q10()));
    m.put("q90", num(l.q90()));
    return m;
  }

  private static List<Double> nums(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double x : v) {
      out.add(num(x));
    }
    return out;
  }

  private static Map<String, Object> metric(double raw, double baseline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("raw", num(raw));
    m.put("baseline", num(baseline));
    m.put("adjusted", num(raw - baseline));
    return m;
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
