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
        sm.put("clusterIsotropy", cm);
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
