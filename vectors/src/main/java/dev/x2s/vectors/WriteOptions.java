package dev.x2s.vectors;

import java.util.Objects;

/**
 * How to write a vector file.
 *
 * @param dtype matrix storage type of {@link VectorFormat#X2V} files (ignored by other formats)
 * @param binaryNewline whether word2vec binary rows end with {@code \n} as word2vec.c writes them
 *     (gensim writes none; both read each other's files)
 * @param progress told about rows written: {@code progress(rowsDone, rows)}
 */
public record WriteOptions(Dtype dtype, boolean binaryNewline, ProgressListener progress) {
  public WriteOptions {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(progress, "progress");
  }

  /** fp32, word2vec.c newlines, no progress. */
  public static WriteOptions defaults() {
    return new WriteOptions(Dtype.FP32, true, ProgressListener.NONE);
  }

  public WriteOptions withDtype(Dtype d) {
    return new WriteOptions(d, binaryNewline, progress);
  }

  public WriteOptions withBinaryNewline(boolean newline) {
    return new WriteOptions(dtype, newline, progress);
  }

  public WriteOptions withProgress(ProgressListener listener) {
    return new WriteOptions(dtype, binaryNewline, listener);
  }
}
