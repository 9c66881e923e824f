package dev.x2s.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a vector file's format from its first bytes: the x2v magic; else a first line of two
 * integers is a word2vec header, followed by text rows (word2vec text) or by raw floats (binary);
 * else GloVe. Text vs binary looks at the bytes after the first word: text rows contain only
 * printable ASCII and tabs/line ends there, while D raw float32 practically never do.
 */
final class FormatDetector {
  private static final int PROBE = 1 << 16;

  private FormatDetector() {}

  static VectorFormat detect(Path file) throws IOException {
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
    while (i < head.length && head[i] == '\n') {
      i++;
    }
    while (i < head.length && head[i] != ' ') {
      i++; // the first word
    }
    i++;
    int window = (int) Math.min(4 * nd[1], head.length - (long) i);
    for (int k = i; k < i + window; k++) {
      int c = head[k] & 0xff;
      boolean text = (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
      if (!text) {
        return VectorFormat.WORD2VEC_BINARY;
      }
    }
    return VectorFormat.WORD2VEC_TEXT;
  }
}
