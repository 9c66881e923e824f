package dev.x2s.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a vector file's format from its first bytes: the x2v magic; else a first line of two
 * integers is a word2vec header, followed by text rows (word2vec text) or by raw floats (binary);
 * else GloVe. Text vs binary: the first row is text when it is a word followed by D decimal
 * numbers, or by fields of printable ASCII only (malformed text the reader then reports); D raw
 * float32 practically never form such a line.
 */
final class FormatDetector {
  private static final int PROBE = 1 << 16;

  private FormatDetector() {}

  /**
   * True when {@code b[s, e)} is a word, then at least half the expected number of fields (all
   * of them when dim ≤ 2), and only printable ASCII, tabs or a CR after the word: a text row even
   * if its values are malformed (so the text reader reports them). Raw float32 bytes fail this
   * almost surely: their low bytes are random, and a 0x0a among them ends the "line" early.
   */
  private static boolean looksLikeText(byte[] b, int s, int e, long dim) {
    int i = s;
    while (i < e && b[i] != ' ' && b[i] != '\t') {
      i++;
    }
    long fields = 0;
    boolean inField = false;
    for (int k = i; k < e; k++) {
      int c = b[k] & 0xff;
      if (!((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\r')) {
        return false;
      }
      boolean sep = c == ' ' || c == '\t' || c == '\r';
      if (!sep && !inField) {
        fields++;
      }
      inField = !sep;
    }
    return fields >= Math.max(1, dim <= 2 ? dim : (dim + 1) / 2);
  }

  /** True when {@code b[s, e)} is a word followed by {@code dim} finite decimal numbers. */
  private static boolean isTextRow(byte[] b, int s, int e, long dim) {
    if (e > s && b[e - 1] == '\r') {
      e--;
    }
    int fields = 0;
    int i = s;
    while (i < e) {
      while (i < e && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i == e) {
        break;
      }
      int t = i;
      while (i < e && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
      if (fields > 0 && !Float.isFinite(FloatParser.parse(b, t, i))) {
        return false;
      }
      fields++;
    }
    return fields == dim + 1;
  }

  static VectorFormat detect(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      Path d = StaticFolderReader.filesDir(file);
      if (Files.exists(d.resolve(StaticFolderWriter.WEIGHTS)) || Files.exists(d.resolve(StaticFolderWriter.TOKENIZER))
          || Files.exists(file.resolve(StaticFolderWriter.CONFIG))) { // the reader names a missing file
        return VectorFormat.MODEL2VEC;
      }
      throw VectorFormatException.inFile(file, "a directory without model.safetensors and tokenizer.json "
          + "(not a Model2Vec / sentence-transformers folder)");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PROBE);
    }
    if (head.length == 0) {
      throw VectorFormatException.atOffset(file, 0, "empty file");
    }
    if (head.length >= 4
        && head[0] == X2vLayout.MAGIC[0]
        && head[1] == X2vLayout.MAGIC[1]
        && head[2] == X2vLayout.MAGIC[2]
        && head[3] == X2vLayout.MAGIC[3]) {
      return VectorFormat.X2V;
    }
    int nl = 0;
    while (nl < head.length && head[nl] != '\n') {
      nl++;
    }
    int end = nl > 0 && head[nl - 1] == '\r' ? nl - 1 : nl;
    long[] nd = TextVectorReader.parseHeader(head, 0, end);
    if (nd == null) {
      return VectorFormat.GLOVE;
    }
    int i = nl + 1;
    while (i < head.length && (head[i] == '\n' || head[i] == '\r')) {
      i++;
    }
    if (i >= head.length) {
      return VectorFormat.WORD2VEC_TEXT; // no rows: either reads the same
    }
    int lineEnd = i;
    while (lineEnd < head.length && head[lineEnd] != '\n') {
      lineEnd++;
    }
    if (lineEnd < head.length || head.length < PROBE) {
      return isTextRow(head, i, lineEnd, nd[1]) || looksLikeText(head, i, lineEnd, nd[1])
          ? VectorFormat.WORD2VEC_TEXT
          : VectorFormat.WORD2VEC_BINARY;
    }
    // A first row longer than the probe: text if everything after the word is printable ASCII.
    if (!looksLikeText(head, i, head.length, 1)) {
      return VectorFormat.WORD2VEC_BINARY;
    }
    return VectorFormat.WORD2VEC_TEXT;
  }
}
