package dev.x2s.vectors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point for reading and writing word vectors in every supported {@link VectorFormat}.
 *
 * <pre>{@code
 * LoadResult r = VectorFiles.read(path, ReadOptions.defaults().withLowerCase(true).withLimit(200_000));
 * VectorFiles.write(r.vectors(), out, VectorFormat.X2V, WriteOptions.defaults().withDtype(Dtype.FP16));
 * }</pre>
 *
 * <p>Readers throw {@link VectorFormatException} (naming the file and line or byte offset) for
 * malformed input; writers write atomically and leave nothing behind when they fail.
 */
public final class VectorFiles {
  private VectorFiles() {}

  /** Reads every word of {@code file}, format detected. */
  public static WordVectors read(Path file) throws IOException {
    return read(file, ReadOptions.defaults()).vectors();
  }

  /** Reads {@code file} with {@code options}, returning the vectors and a report of the read. */
  public static LoadResult read(Path file, ReadOptions options) throws IOException {
    VectorFormat format = options.format() != null ? options.format() : detect(file);
    return switch (format) {
      case WORD2VEC_TEXT, FASTTEXT_VEC, GLOVE -> TextVectorReader.read(file, options, format);
      case WORD2VEC_BINARY -> BinaryVectorReader.read(file, options);
      case X2V -> X2vReader.read(file, options);
      case MODEL2VEC -> StaticFolderReader.read(file, options);
    };
  }

  /**
   * The format of {@code file} judged from its content. fastText {@code .vec} files are reported as
   * {@link VectorFormat#WORD2VEC_TEXT} (the layouts are the same); a directory holding
   * {@code model.safetensors} and {@code tokenizer.json} is {@link VectorFormat#MODEL2VEC}.
   */
  public static VectorFormat detect(Path file) throws IOException {
    return FormatDetector.detect(file);
  }

  /**
   * The bytes a read of {@code file} consumes (what {@link ReadOptions#progress()} counts to): the file's
   * size, or for a Model2Vec folder its weights and tokenizer.
   */
  public static long size(Path file) throws IOException {
    return java.nio.file.Files.isDirectory(file) ? StaticFolderReader.bytes(file) : java.nio.file.Files.size(file);
  }

  /** Writes {@code vectors} to {@code file} in {@code format} with default options (x2v: fp32). */
  public static void write(WordVectors vectors, Path file, VectorFormat format) throws IOException {
    write(vectors, file, format, WriteOptions.defaults());
  }

  /**
   * Writes {@code vectors} to {@code file} atomically.
   *
   * @throws IllegalArgumentException if a word cannot be represented in a text or word2vec binary
   *     file (empty, or containing a space, tab or line end), or the dtype not in the format
   */
  public static void write(WordVectors vectors, Path file, VectorFormat format, WriteOptions options)
      throws IOException {
    switch (format) {
      case WORD2VEC_TEXT, FASTTEXT_VEC, GLOVE -> TextVectorWriter.write(vectors, file, format, options);
      case WORD2VEC_BINARY -> BinaryVectorWriter.write(vectors, file, options);
      case X2V -> X2vWriter.write(vectors, file, options);
      case MODEL2VEC -> StaticFolderWriter.write(vectors, file, options);
    }
  }
}
