package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of the cluster, manifold and frequency view (Cai et al. 2021): per-layer lines (LID, MMS,
 * isotropy raw vs within clusters, random-pair cosine raw vs within clusters) and, per teacher, the
 * 3-D PCA view of one word's occurrences at every layer (an oblique projection drawn with Java2D:
 * XChart has no 3-D scatter).
 */
public final class ManifoldPlots {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 450;

  private ManifoldPlots() {}

  /** One series: a label suffix and the value of a layer. */
  private record Line(String suffix, ToDoubleFunction<LayerManifold> value) {}

  private record Plot(String file, String title, String yLabel, List<Line> lines) {}

  private static final List<Plot> PLOTS = List.of(
      new Plot("lid", "Local intrinsic dimension (kNN MLE, mean over sampled occurrences)", "LID",
          List.of(new Line("", l -> l.lid().mean()))),
      new Plot("mms", "Maximum mean silhouette of k-means over the k range", "MMS",
          List.of(new Line("", l -> l.clusters().mms()))),
      new Plot("cluster_isotropy", "Isotropy I(V): whole sample raw vs each cluster centred (mean over clusters)",
          "I(V)", List.of(new Line(" raw", l -> l.isotropy().raw()),
              new Line(" centred", l -> l.isotropy().centred()),
              new Line(" per cluster", l -> l.isotropy().perClusterMean()))),
      new Plot("cluster_inter_cosine", "Mean cosine of random occurrences of different words: raw vs within a cluster,"
          + " cluster-centred", "mean cosine", List.of(new Line(" raw", l -> l.inter().raw()),
              new Line(" cluster-centred", l -> l.inter().clusterCentred()))),
      new Plot("cluster_self_similarity", "Self-similarity: raw vs cluster-centred (Cai et al.'s S_intra, S'_intra)",
          "mean cosine", List.of(new Line(" raw", l -> l.self().raw()),
              new Line(" cluster-centred", l -> l.self().clusterCentred()))));

  /** Writes the line plots and one 3-D view per teacher into {@code dir}; returns the files written. */
  public static List<Path> writeAll(List<TeacherGeometry> teachers, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    List<TeacherGeometry> with = teachers.stream().filter(t -> !t.manifold().isEmpty()).toList();
    if (with.isEmpty()) {
      return out;
    }
    for (Plot p : PLOTS) {
      Path file = dir.resolve(p.file() + ".png");
      byte[] png = BitmapEncoder.getBitmapBytes(chart(with, p), BitmapEncoder.BitmapFormat.PNG);
      AtomicFiles.write(file, o -> o.write(png));
      out.add(file);
    }
    for (TeacherGeometry t : with) {
      LayerManifold first = t.manifold().get(0);
      if (first.view() == null) {
        continue;
      }
      Path file = dir.resolve("view3d-" + safe(t.name()) + "-" + safe(first.view().word()) + ".png");
      byte[] png = view(t);
      AtomicFiles.write(file, o -> o.write(png));
      out.add(file);
    }
    return out;
  }

  private static XYChart chart(List<TeacherGeometry> teachers, Plot p) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(p.title()).xAxisTitle("Layer index")
        .yAxisTitle(p.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(7);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
    for (TeacherGeometry t : teachers) {
      for (Line line : p.lines()) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (LayerManifold l : t.manifold()) {
          double v = line.value().applyAsDouble(l);
          if (Double.isFinite(v)) {
            x.add((double) l.layer());
            y.add(v);
          }
        }
        if (!x.isEmpty()) {
          String name = t.name() + line.suffix();
          for (int i = 2; chart.getSeriesMap().containsKey(name); i++) {
            name = t.name() + line.suffix() + " (" + i + ")";
          }
          XYSeries s = chart.addSeries(name, x, y);
          s.setMarker(SeriesMarkers.CIRCLE);
        }
      }
    }
    return chart;
  }

  /** A grid of panels, one per layer: the sample in grey, the word's occurrences in red, PCs 1–3 oblique. */
  static byte[] view(TeacherGeometry t) throws IOException {
    List<LayerManifold> layers = t.manifold();
    int cols = Math.min(4, layers.size());
    int rows = (layers.size() + cols - 1) / cols;
    int pw = 320;
    int ph = 300;
    BufferedImage img = new BufferedImage(cols * pw, rows * ph + 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(t.name() + ": occurrences of '" + layers.get(0).view().word()
        + "' (red) among a sample of all occurrences (grey), top 3 PCs of the sample", 10, 20);
    for (int i = 0; i < layers.size(); i++) {
      LayerManifold.View v = layers.get(i).view();
      int ox = (i % cols) * pw;
      int oy = 30 + (i / cols) * ph;
      panel(g, v, ox, oy, pw, ph, "layer " + layers.get(i).layer());
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(img, "png", bytes);
    return bytes.toByteArray();
  }

  private static void panel(Graphics2D g, LayerManifold.View v, int ox, int oy, int w, int h, String title) {
    g.setColor(new Color(0.6f, 0.6f, 0.6f));
    g.drawRect(ox + 2, oy + 2, w - 4, h - 4);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(String.format("%s  (variance kept %.3f)", title, v.varianceRatio()), ox + 8, oy + 16);
    // oblique projection: azimuth 35°, elevation 25°
    double az = Math.toRadians(35);
    double el = Math.toRadians(25);
    double[][] all = {project(v.background(), az, el), project(v.points(), az, el)};
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] p : all) {
      for (int i = 0; i < p.length; i += 2) {
        minX = Math.min(minX, p[i]);
        maxX = Math.max(maxX, p[i]);
        minY = Math.min(minY, p[i + 1]);
        maxY = Math.max(maxY, p[i + 1]);
      }
    }
    double scale = Math.min((w - 30) / Math.max(1e-9, maxX - minX), (h - 40) / Math.max(1e-9, maxY - minY));
    double cx = ox + 15 - minX * scale;
    double cy = oy + h - 12 + minY * scale;
    // axes of PC1..3 from the origin (the sample mean)
    double[] axes = project(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, az, el);
    double len = 0.25 * Math.min(maxX - minX, maxY - minY);
    g.setStroke(new BasicStroke(1.2f));
    String[] names = {"PC1", "PC2", "PC3"};
    for (int a = 0; a < 3; a++) {
      int x1 = (int) (cx + axes[2 * a] * len * scale);
      int y1 = (int) (cy - axes[2 * a + 1] * len * scale);
      g.setColor(new Color(0.2f, 0.3f, 0.8f));
      g.drawLine((int) cx, (int) cy, x1, y1);
      g.drawString(names[a], x1 + 2, y1);
    }
    Color[] colors = {new Color(0.55f, 0.55f, 0.55f, 0.35f), new Color(0.85f, 0.1f, 0.1f, 0.8f)};
    int[] sizes = {2, 4};
    for (int s = 0; s < 2; s++) {
      g.setColor(colors[s]);
      double[] p = all[s];
      for (int i = 0; i < p.length; i += 2) {
        int x = (int) (cx + p[i] * scale);
        int y = (int) (cy - p[i + 1] * scale);
        g.fillOval(x - sizes[s] / 2, y - sizes[s] / 2, sizes[s], sizes[s]);
      }
    }
  }

  /** 3-D points (x, y, z per point) to 2-D (x, y per point) after rotating by azimuth and elevation. */
  private static double[] project(float[] p, double az, double el) {
    double[] out = new double[p.length / 3 * 2];
    for (int i = 0; i < p.length / 3; i++) {
      double x = p[3 * i];
      double y = p[3 * i + 1];
      double z = p[3 * i + 2];
      double xr = x * Math.cos(az) - y * Math.sin(az);
      double yr = x * Math.sin(az) + y * Math.cos(az);
      out[2 * i] = xr;
      out[2 * i + 1] = z * Math.cos(el) + yr * Math.sin(el);
    }
    return out;
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

}
