package dev.x2s.vectors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the word2vec binary format as word2vec.c and gensim write it: a text header line {@code N
 * D\n} (a {@code \r} before the {@code \n} is tolerated), then N records of the UTF-8 word, one
 * space and D little-endian float32. Newlines before a word are skipped, so both word2vec.c's
 * trailing {@code \n} after each vector and gensim's none are read. After the last record only
 * newlines may follow.
 */
final class BinaryVectorReader {
  /** Longest word accepted; longer means the file is not what the header says. */
  private static final int MAX_WORD_BYTES = 1 << 16;

  private BinaryVectorReader() {}

  static LoadResult read(Path file, ReadOptions options) throws IOException {
    try (ChunkedInput in = new ChunkedInput(file, options.progress())) {
      return read(in, options);
    }
  }

  private static LoadResult read(ChunkedInput in, ReadOptions options) throws IOException {
    if (in.size() == 0) {
      throw VectorFormatException.atOffset(in.file, 0, "empty file");
    }
    // header line
    int i = 0;
    while (true) {
      while (i < in.limit && in.buf[i] != '\n') {
        i++;
      }
      if (i < in.limit || i >= 256 || !in.more()) {
        break;
      }
    }
    int headerEnd = i > 0 && i < in.limit && in.buf[i - 1] == '\r' ? i - 1 : i;
    long[] nd = i < in.limit ? TextVectorReader.parseHeader(in.buf, 0, headerEnd) : null;
    if (nd == null) {
      throw VectorFormatException.atOffset(
          in.file, 0, "expected a header line \"<count> <dimension>\\n\"");
    }
    in.pos = i + 1;
    long declared = nd[0];
    int dim = (int) nd[1];
    if ((long) dim * 4 > Integer.MAX_VALUE - 16) {
      throw VectorFormatException.atOffset(in.file, 0, "dimension too large: " + dim);
    }
    int vectorBytes = dim * 4;
    // every record needs at least a 1-byte word, a space and its floats: bound allocation by size
    long fits = (in.size() - in.pos) / (vectorBytes + 2L);
    if (declared > 0 && fits == 0) {
      throw VectorFormatException.atOffset(
          in.file,
          in.size(),
          "truncated: dimension " + dim + " needs more than the " + in.size() + " bytes of the file");
    }
    RowCollector rows = new RowCollector(dim, options, Math.min(declared, fits));
    Utf8 utf8 = new Utf8();
    for (long r = 0; r < declared && !rows.full(); r++) {
      // skip newlines in front of the word
      while (true) {
        if (in.pos == in.limit && !in.more()) {
          throw truncated(in, r, declared);
        }
        if (in.buf[in.pos] != '\n') {
          break;
        }
        in.pos++;
      }
      long wordOffset = in.offsetOf(in.pos);
      int j = in.pos;
      while (true) {
        while (j < in.limit && in.buf[j] != ' ') {
          j++;
        }
        if (j < in.limit) {
          break;
        }
        if (j - in.pos > MAX_WORD_BYTES) {
          throw VectorFormatException.atOffset(
              in.file, wordOffset, "no space after word within " + MAX_WORD_BYTES + " bytes");
        }
        int done = j - in.pos;
        if (!in.more()) {
          throw truncated(in, r, declared);
        }
        j = in.pos + done;
      }
      if (j == in.pos) {
        throw VectorFormatException.atOffset(in.file, wordOffset, "empty word");
      }
      String word = utf8.decode(in.buf, in.pos, j);
      if (word == null) {
        throw VectorFormatException.atOffset(in.file, wordOffset, "word is not valid UTF-8");
      }
      in.pos = j + 1;
      if (!in.fill(vectorBytes)) {
        throw truncated(in, r, declared);
      }
      int o = rows.admit(word);
      float[] m;
      if (o < 0) {
        m = rows.scratch();
        o = 0;
      } else {
        m = rows.matrix();
      }
      int p = in.pos;
      for (int k = 0; k < dim; k++) {
        float v = in.le.getFloat(p + 4 * k);
        if (!Float.isFinite(v)) {
          throw VectorFormatException.atOffset(
              in.file,
              in.offsetOf(p + 4 * k),
              "value " + (k + 1) + " of \"" + word + "\" is not finite: " + v);
        }
        m[o + k] = v;
      }
      in.pos = p + vectorBytes;
    }
    if (!rows.full()) {
      // only line ends may follow the last record
      while (in.pos < in.limit || in.more()) {
        byte c = in.buf[in.pos];
        if (c != '\n' && c != '\r') {
          throw VectorFormatException.atOffset(
              in.file,
              in.offsetOf(in.pos),
              "data after the " + declared + " rows that the header declares (dimension " + dim
                  + ")");
        }
        in.pos++;
      }
    }
    in.finish();
    return new LoadResult(
        rows.vectors(),
        rows.report(
            in.file,
            VectorFormat.WORD2VEC_BINARY,
            declared,
            in.offsetOf(in.pos),
            Dtype.FP32));
  }

  private static VectorFormatException truncated(ChunkedInput in, long row, long declared) {
    return VectorFormatException.atOffset(
        in.file,
        in.offsetOf(in.limit),
        "truncated: the file ends in row " + (row + 1) + " of the " + declared + " declared");
  }

}
