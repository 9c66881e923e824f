package dev.x2s.vectors;

/** The on-disk formats that {@link VectorFiles} reads and writes. */
public enum VectorFormat {
  /** word2vec text: header {@code N D}, then {@code word v1 … vD} per line. */
  WORD2VEC_TEXT,
  /**
   * word2vec binary (word2vec.c / gensim): header line {@code N D\n}, then per word the UTF-8 word, a
   * space and D little-endian float32; word2vec.c adds a {@code \n} after each vector, gensim does not.
   */
  WORD2VEC_BINARY,
  /** GloVe text: like word2vec text without the header line. */
  GLOVE,
  /** fastText {@code .vec}: word2vec text; fastText writes a space after the last value of a line. */
  FASTTEXT_VEC,
  /** x2s's own memory-mappable binary format, see the module README. */
  X2V,
  /**
   * A folder that Model2Vec ({@code StaticModel.from_pretrained}) and sentence-transformers
   * ({@code SentenceTransformer(dir)}) load: {@code model.safetensors}, a word-level
   * {@code tokenizer.json}, {@code config.json}, {@code modules.json}; see the module README.
   */
  MODEL2VEC;

  /**
   * The format a file name implies: {@code .x2v}, {@code .bin} (word2vec binary), {@code .vec}
   * (fastText), {@code .glove.txt} (GloVe), an existing directory a Model2Vec folder, anything else
   * word2vec text.
   */
  public static VectorFormat forFile(java.nio.file.Path file) {
    if (java.nio.file.Files.isDirectory(file)) {
      return MODEL2VEC;
    }
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".x2v") ? X2V : n.endsWith(".bin") ? WORD2VEC_BINARY
        : n.endsWith(".vec") ? FASTTEXT_VEC : n.endsWith(".glove.txt") ? GLOVE : WORD2VEC_TEXT;
  }

  /**
   * The format called {@code name} on command lines and in configs: {@code word2vec} (or {@code w2v},
   * {@code word2vec-text}), {@code word2vec-bin} ({@code bin}), {@code glove}, {@code vec}
   * ({@code fasttext}), {@code x2v}, {@code model2vec} ({@code sentence-transformers}, {@code st}).
   *
   * @throws IllegalArgumentException for any other name, listing the known ones
   */
  public static VectorFormat named(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "word2vec", "w2v", "word2vec-text" -> WORD2VEC_TEXT;
      case "word2vec-bin", "bin" -> WORD2VEC_BINARY;
      case "glove" -> GLOVE;
      case "vec", "fasttext" -> FASTTEXT_VEC;
      case "x2v" -> X2V;
      case "model2vec", "sentence-transformers", "st" -> MODEL2VEC;
      default -> throw new IllegalArgumentException(
          "unknown vector format '" + name + "' (word2vec, word2vec-bin, glove, vec, x2v, model2vec)");
    };
  }
}
