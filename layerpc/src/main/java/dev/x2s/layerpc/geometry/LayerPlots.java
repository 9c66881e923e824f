package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line plots of per-layer metrics, layer on the x-axis and one line per teacher, like the
 * figures of Ethayarajh (2019). Rendered headless with XChart.
 */
public final class LayerPlots {
  static {
    // Rendering to an image needs no display; must be set before AWT initialises.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 450;

  private LayerPlots() {}

  /** Writes one {@code <metric>.png} per metric into {@code dir}; returns the files written. */
  public static List<Path> writeAll(List<TeacherGeometry> teachers, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (LayerMetric m : LayerMetric.values()) {
      Path file = dir.resolve(m.file() + ".png");
      write(teachers, m, file);
      out.add(file);
    }
    return out;
  }

  /** Writes the plot of {@code metric} to {@code file} atomically. */
  public static void write(List<TeacherGeometry> teachers, LayerMetric metric, Path file) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart(teachers, metric), BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(file, o -> o.write(png));
  }

  /** The chart (exposed for tests). */
  static XYChart chart(List<TeacherGeometry> teachers, LayerMetric metric) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric.title())
        .xAxisTitle("Layer index").yAxisTitle(metric.yLabel()).build();
    XYStyler s = chart.getStyler();
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setXAxisDecimalPattern("0");
    s.setYAxisDecimalPattern("0.000");
    s.setChartBackgroundColor(java.awt.Color.WHITE);
    s.setPlotGridLinesVisible(true);
    s.setMarkerSize(7);
    s.setChartTitleFont(s.getChartTitleFont().deriveFont(14f));
    int minLayer = Integer.MAX_VALUE;
    int maxLayer = Integer.MIN_VALUE;
    for (TeacherGeometry t : teachers) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (LayerGeometry l : t.layers()) {
        double v = metric.of(l);
        if (Double.isFinite(v)) {
          x.add((double) l.layer());
          y.add(v);
        }
      }
      for (LayerGeometry l : t.layers()) {
        minLayer = Math.min(minLayer, l.layer());
        maxLayer = Math.max(maxLayer, l.layer());
      }
      if (x.isEmpty()) {
        continue; // nothing finite to draw (e.g. no word with enough occurrences)
      }
      XYSeries series = chart.addSeries(uniqueName(chart, t.name()), x, y);
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    if (maxLayer > minLayer) {
      s.setXAxisMin((double) minLayer);
      s.setXAxisMax((double) maxLayer);
      s.setXAxisMaxLabelCount(maxLayer - minLayer + 1);
    }
    return chart;
  }

  private static String uniqueName(XYChart chart, String name) {
    String n = name;
    for (int i = 2; chart.getSeriesMap().containsKey(n); i++) {
      n = name + " (" + i + ")";
    }
    return n;
  }
}
