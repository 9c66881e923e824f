package dev.x2s.evaluate.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.x2s.evaluate.scoring.BenchmarkScore;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores of several vector files side by side: rows are vector files, columns are
 * {@code benchmark/metric} in order of first appearance, each cell a score with its coverage.
 * Rendered as Markdown, CSV or JSON.
 */
public final class EvaluationReport {
  /** Output formats. */
  public enum Format {
    MARKDOWN,
    CSV,
    JSON;

    /** The format for a file name's extension ({@code .md}, {@code .csv}, {@code .json}). */
    public static Format forFile(Path file) {
      String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".md") || n.endsWith(".markdown")) {
        return MARKDOWN;
      }
      if (n.endsWith(".csv")) {
        return CSV;
      }
      if (n.endsWith(".json")) {
        return JSON;
      }
      throw new IllegalArgumentException("cannot tell the report format of " + file
          + " (use .md, .csv or .json)");
    }
  }

  private final String protocol;
  private final int analogyLimit;
  private final List<VectorResults> rows;

  public EvaluationReport(String protocol, int analogyLimit, List<VectorResults> rows) {
    this.protocol = protocol;
    this.analogyLimit = analogyLimit;
    this.rows = List.copyOf(rows);
  }

  public EvaluationReport(EvaluationOptions options, List<VectorResults> rows) {
    this(options.protocol().id(), options.analogyLimit(), rows);
  }

  public List<VectorResults> rows() {
    return rows;
  }

  public String protocol() {
    return protocol;
  }

  public int analogyLimit() {
    return analogyLimit;
  }

  /** Column names {@code benchmark/metric} in order of first appearance. */
  public List<String> columns() {
    Set<String> cols = new LinkedHashSet<>();
    for (VectorResults r : rows) {
      for (BenchmarkScore s : r.scores()) {
        cols.add(s.column());
      }
    }
    return new ArrayList<>(cols);
  }

  /** A Markdown table; a cell reads {@code 0.4412 (998/999)}, with the winning method if any. */
  public String toMarkdown() {
    List<String> cols = columns();
    StringBuilder sb = new StringBuilder();
    sb.append("| vectors |");
    for (String c : cols) {
      sb.append(' ').append(c).append(" |");
    }
    sb.append('\n').append("|---|");
    for (int i = 0; i < cols.size(); i++) {
      sb.append("---:|");
    }
    sb.append('\n');
    for (VectorResults r : rows) {
      sb.append("| ").append(escapeMarkdown(r.name())).append(" |");
      for (String c : cols) {
        BenchmarkScore s = r.score(c);
        sb.append(' ');
        if (s == null) {
          sb.append(' ');
        } else {
          sb.append(format(s.score()));
          if (!s.detail().isEmpty()) {
            sb.append(' ').append(escapeMarkdown(s.detail()));
          }
          sb.append(" (").append(s.coverage().covered()).append('/')
              .append(s.coverage().total()).append(')');
        }
        sb.append(" |");
      }
      sb.append('\n');
    }
    sb.append('\n').append("Protocol `").append(protocol).append("`, analogy search space: first ")
        .append(analogyLimit).append(" rows. Coverage in parentheses: ")
        .append(units()).append(".\n");
    return sb.toString();
  }

  /**
   * A CSV table (RFC 4180 quoting): {@code vectors}, then per column {@code <col>},
   * {@code <col>:covered}, {@code <col>:total} and, where any row has one, {@code <col>:method}.
   */
  public String toCsv() {
    List<String> cols = columns();
    List<String> header = new ArrayList<>(List.of("vectors"));
    List<Boolean> hasDetail = new ArrayList<>();
    for (String c : cols) {
      header.add(c);
      header.add(c + ":covered");
      header.add(c + ":total");
      boolean d =
          rows.stream().map(r -> r.score(c)).anyMatch(s -> s != null && !s.detail().isEmpty());
      hasDetail.add(d);
      if (d) {
        header.add(c + ":method");
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    for (VectorResults r : rows) {
      List<String> f = new ArrayList<>(List.of(r.name()));
      for (int i = 0; i < cols.size(); i++) {
        BenchmarkScore s = r.score(cols.get(i));
        f.add(s == null || Double.isNaN(s.score()) ? "" : Double.toString(s.score()));
        f.add(s == null ? "" : Integer.toString(s.coverage().covered()));
        f.add(s == null ? "" : Integer.toString(s.coverage().total()));
        if (hasDetail.get(i)) {
          f.add(s == null ? "" : s.detail());
        }
      }
      line(sb, f);
    }
    return sb.toString();
  }

  /** JSON (pretty-printed); a score that could not be computed is {@code null}. */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("protocol", protocol);
    root.addProperty("analogyLimit", analogyLimit);
    JsonArray vectors = new JsonArray();
    for (VectorResults r : rows) {
      JsonObject v = new JsonObject();
      v.addProperty("name", r.name());
      v.addProperty("size", r.size());
      v.addProperty("dim", r.dim());
      JsonArray scores = new JsonArray();
      for (BenchmarkScore s : r.scores()) {
        JsonObject o = new JsonObject();
        o.addProperty("benchmark", s.benchmark());
        o.addProperty("metric", s.metric());
        o.add(
            "score",
            Double.isFinite(s.score()) ? new JsonPrimitive(s.score()) : JsonNull.INSTANCE);
        o.addProperty("covered", s.coverage().covered());
        o.addProperty("total", s.coverage().total());
        o.addProperty("unit", s.coverage().unit());
        if (!s.detail().isEmpty()) {
          o.addProperty("method", s.detail());
        }
        scores.add(o);
      }
      v.add("scores", scores);
      vectors.add(v);
    }
    root.add("vectors", vectors);
    return new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create()
            .toJson(root)
        + "\n";
  }

  public String render(Format format) {
    switch (format) {
      case MARKDOWN:
        return toMarkdown();
      case CSV:
        return toCsv();
      case JSON:
        return toJson();
      default:
        throw new AssertionError(format);
    }
  }

  /** Writes the report atomically (temp file in the same directory, then rename). */
  public void write(Path file, Format format) throws IOException {
    dev.x2s.vectors.AtomicFiles.writeString(file, render(format));
  }

  /** Writes in the format given by the file's extension. */
  public void write(Path file) throws IOException {
    write(file, Format.forFile(file));
  }

  private String units() {
    Set<String> seen = new LinkedHashSet<>();
    for (VectorResults r : rows) {
      for (BenchmarkScore s : r.scores()) {
        seen.add(s.coverage().unit());
      }
    }
    return seen.isEmpty() ? "none" : String.join(", ", seen) + " covered/total";
  }

  private static String format(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }

  private static String escapeMarkdown(String s) {
    return s.replace("|", "\\|");
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append("\r\n");
  }
}
