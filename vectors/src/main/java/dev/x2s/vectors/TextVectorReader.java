package dev.x2s.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads word2vec text, fastText {@code .vec} (both with an {@code N D} header line) and GloVe (no
 * header; the dimension comes from the first row). Fields are separated by runs of spaces and tabs,
 * so fastText's trailing space is accepted; CRLF line ends, a missing final newline and blank lines
 * at the very end are tolerated. Values are parsed from the bytes with {@link FloatParser}.
 */
final class TextVectorReader {
  private final ChunkedInput in;
  private final ReadOptions options;
  private final VectorFormat format;
  private final Utf8 utf8 = new Utf8();
  private long lineNo;
  /** Bounds of the current line in {@code in.buf}, without the line end. */
  private int lineStart;
  private int lineEnd;
  private long firstBlankLine = -1;

  private TextVectorReader(ChunkedInput in, ReadOptions options, VectorFormat format) {
    this.in = in;
    this.options = options;
    this.format = format;
  }

  static LoadResult read(Path file, ReadOptions options, VectorFormat format) throws IOException {
    try (ChunkedInput in = new ChunkedInput(file, options.progress())) {
      return new TextVectorReader(in, options, format).read();
    }
  }

  private LoadResult read() throws IOException {
    if (in.size() == 0) {
      throw error("empty file");
    }
    boolean header = format != VectorFormat.GLOVE;
    long declared = -1;
    RowCollector rows;
    if (header) {
      if (!nextLine()) {
        throw error("empty file");
      }
      long[] nd = parseHeader(in.buf, lineStart, lineEnd);
      if (nd == null) {
        throw error(
            "expected a header line \"<count> <dimension>\" but found \"" + lineText() + "\"");
      }
      declared = nd[0];
      int dim = (int) nd[1];
      // every row needs at least two bytes per value, so the file size bounds what to allocate
      long fits = in.size() / (2L * dim);
      if (declared > 0 && fits == 0) {
        throw error(
            "dimension " + dim + " is impossible in a file of " + in.size() + " bytes");
      }
      rows = new RowCollector(dim, options, Math.min(declared, fits));
    } else {
      if (!nextLine()) {
        throw error("empty file (no rows)");
      }
      rows = new RowCollector(countValues(), options, -1);
      if (!rows.full()) {
        parseRow(rows);
      }
    }
    while (!rows.full() && nextLine()) {
      if (declared >= 0 && rows.rowsRead() == declared) {
        throw error("more rows than the " + declared + " that the header declares");
      }
      parseRow(rows);
    }
    if (!rows.full()) {
      if (firstBlankLine > 0) {
        lineNo = firstBlankLine; // a blank line before the end was left pending: fine at the end
      }
      if (declared >= 0 && rows.rowsRead() < declared) {
        throw error(
            "the header declares "
                + declared
                + " rows but the file ends after "
                + rows.rowsRead());
      }
    }
    in.finish();
    return new LoadResult(
        rows.vectors(),
        rows.report(in.file, format, declared, in.offsetOf(in.pos), Dtype.FP32));
  }

  /** {count, dim} or null when the line is not two non-negative integers (dim > 0). */
  static long[] parseHeader(byte[] b, int start, int end) {
    long[] out = new long[2];
    int i = start;
    for (int f = 0; f < 2; f++) {
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      int s = i;
      long v = 0;
      while (i < end && b[i] >= '0' && b[i] <= '9' && i - s < 12) {
        v = v * 10 + (b[i] - '0');
        i++;
      }
      if (i == s || (i < end && b[i] != ' ' && b[i] != '\t')) {
        return null;
      }
      out[f] = v;
    }
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i != end || out[1] <= 0 || out[1] > Integer.MAX_VALUE || out[0] > Integer.MAX_VALUE) {
      return null;
    }
    return out;
  }

  /**
   * Advances to the next non-blank line. A blank line is remembered and becomes an error if any
   * row follows it. Returns false at the end of the file.
   */
  private boolean nextLine() throws IOException {
    while (true) {
      byte[] b = in.buf;
      int i = in.pos;
      int end = in.limit;
      while (i < end && b[i] != '\n') {
        i++;
      }
      if (i == end && !in.eof()) {
        in.more();
        continue;
      }
      if (in.pos == end) {
        return false; // end of file, nothing left
      }
      lineNo++;
      lineStart = in.pos;
      lineEnd = i;
      in.pos = i < end ? i + 1 : i;
      if (lineEnd > lineStart && b[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (isBlank(b, lineStart, lineEnd)) {
        if (firstBlankLine < 0) {
          firstBlankLine = lineNo;
        }
        continue;
      }
      if (firstBlankLine > 0) {
        lineNo = firstBlankLine;
        throw error("blank line");
      }
      return true;
    }
  }

  private static boolean isBlank(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Number of value fields of the current line (for GloVe's first row). */
  private int countValues() throws VectorFormatException {
    byte[] b = in.buf;
    int fields = 0;
    int i = lineStart;
    while (i < lineEnd) {
      while (i < lineEnd && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i < lineEnd) {
        fields++;
      }
      while (i < lineEnd && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
    }
    if (fields < 2) {
      throw error("expected a word followed by its values, found " + fields + " field(s)");
    }
    return fields - 1;
  }

  private void parseRow(RowCollector rows) throws VectorFormatException {
    byte[] b = in.buf;
    int i = lineStart;
    int end = lineEnd;
    if (b[i] == ' ' || b[i] == '\t') {
      throw error("line starts with whitespace (empty word)");
    }
    int ws = i;
    while (i < end && b[i] != ' ' && b[i] != '\t') {
      i++;
    }
    String word = utf8.decode(b, ws, i);
    if (word == null) {
      throw error("word is not valid UTF-8");
    }
    int dim = rows.dim();
    int o = rows.admit(word);
    float[] m;
    if (o < 0) {
      m = rows.scratch();
      o = 0;
    } else {
      m = rows.matrix();
    }
    int col = 0;
    while (true) {
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i == end) {
        break;
      }
      int ts = i;
      while (i < end && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
      if (col == dim) {
        throw error(
            "expected " + dim + " values after the word, found " + (dim + 1 + countFields(b, i, end)));
      }
      float v = FloatParser.parse(b, ts, i);
      if (!Float.isFinite(v)) {
        String token = new String(b, ts, i - ts, StandardCharsets.UTF_8);
        throw error(
            "value "
                + (col + 1)
                + (FloatParser.isBad(v) ? " is not a number: \"" : " is not finite: \"")
                + token
                + "\"");
      }
      m[o + col++] = v;
    }
    if (col != dim) {
      throw error("expected " + dim + " values after the word, found " + col);
    }
  }

  private static int countFields(byte[] b, int i, int end) {
    int n = 0;
    while (i < end) {
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i < end) {
        n++;
      }
      while (i < end && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
    }
    return n;
  }

  private String lineText() {
    int len = Math.min(lineEnd - lineStart, 80);
    return new String(in.buf, lineStart, len, StandardCharsets.UTF_8);
  }

  private VectorFormatException error(String what) {
    return VectorFormatException.atLine(in.file, Math.max(1, lineNo), what);
  }
}
