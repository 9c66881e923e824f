package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.x2s.vectors.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Model2Vec / sentence-transformers folder: round trip, tokenizer.json in HF tokenizers, bad folders. */
class StaticFolderTest {
  @TempDir Path tmp;

  private static final List<String> LOWER = List.of(
      "the", "cat", "sat", "new_york", "formic acid", "don't", "well-known", "u.s.", "café", ",", "...", "ok");

  private static WordVectors vectors(List<String> words, int dim, long seed) {
    Random r = new Random(seed);
    float[] m = new float[words.size() * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    return new WordVectors(words.toArray(String[]::new), m, dim);
  }

  private Path write(WordVectors v, Dtype d) throws IOException {
    Path dir = tmp.resolve("model");
    VectorFiles.write(v, dir, VectorFormat.MODEL2VEC, WriteOptions.defaults().withDtype(d));
    return dir;
  }

  @Test
  void roundTripKeepsWordsAndFloatsExactly() throws IOException {
    WordVectors v = vectors(LOWER, 7, 1);
    Path dir = write(v, Dtype.FP32);
    for (String f : List.of("model.safetensors", "tokenizer.json", "config.json", "modules.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    assertEquals(VectorFormat.MODEL2VEC, VectorFiles.detect(dir));
    LoadResult r = VectorFiles.read(dir, ReadOptions.defaults());
    assertEquals(v.words(), r.vectors().words());
    assertArrayEquals(v.matrix(), r.vectors().matrix(), 0f);
    assertEquals(VectorFormat.MODEL2VEC, r.report().format());
    assertEquals(LOWER.size(), r.report().declaredRows());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList(), "no temporary directory left beside the folder");
    }
  }

  @Test
  void fp16StoresHalfPrecisionAndConfigSaysSo() throws IOException {
    WordVectors v = vectors(List.of("A", "b", "C"), 5, 2);
    Path dir = write(v, Dtype.FP16);
    LoadResult r = VectorFiles.read(dir, ReadOptions.defaults());
    assertEquals(Dtype.FP16, r.report().dtype());
    for (int i = 0; i < v.matrix().length; i++) {
      assertEquals(Half.toFloat(Half.fromFloat(v.matrix()[i])), r.vectors().matrix()[i], 0f);
    }
    Map<?, ?> config = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("config.json")));
    assertEquals("float16", config.get("embedding_dtype"));
    assertEquals("model2vec", config.get("model_type"));
    assertEquals(List.of("StaticModel"), config.get("architectures"));
    assertEquals(5, ((Number) config.get("hidden_dim")).intValue());
    Map<?, ?> tok = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("tokenizer.json")));
    assertEquals(null, tok.get("normalizer"), "mixed case: no lower-casing");
    assertThrows(IllegalArgumentException.class, () -> VectorFiles.write(v, tmp.resolve("q"),
        VectorFormat.MODEL2VEC, WriteOptions.defaults().withDtype(Dtype.INT8)));
    assertFalse(Files.exists(tmp.resolve("q")));
  }

  @Test
  void safetensorsLayoutIsModel2Vecs() throws IOException {
    WordVectors v = vectors(LOWER, 4, 3);
    Path dir = write(v, Dtype.FP32);
    try (SafetensorsReader st = SafetensorsReader.open(dir.resolve("model.safetensors"))) {
      assertEquals(List.of("embeddings"), List.copyOf(st.entries().keySet()));
      assertArrayEquals(new int[] {LOWER.size() + 2, 4}, st.entries().get("embeddings").shape());
      float[] m = st.readFloats("embeddings");
      assertArrayEquals(new float[8], Arrays.copyOf(m, 8), 0f, "[PAD] and [UNK] rows are zero");
    }
    List<?> modules = (List<?>) Json.parse(Files.readString(dir.resolve("modules.json")));
    assertEquals("sentence_transformers.models.StaticEmbedding", ((Map<?, ?>) modules.get(0)).get("type"));
    assertEquals(".", ((Map<?, ?>) modules.get(0)).get("path"));
  }

  /** The tokenizer.json loads in Hugging Face tokenizers (Rust, through DJL) and maps words to their rows. */
  @Test
  void huggingFaceTokenizerMapsWordsToTheirRows() throws IOException {
    WordVectors v = vectors(LOWER, 6, 4);
    Path dir = write(v, Dtype.FP32);
    float[] weights;
    try (SafetensorsReader st = SafetensorsReader.open(dir.resolve("model.safetensors"))) {
      weights = st.readFloats("embeddings");
    }
    try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"),
        Map.of("padding", "false", "truncation", "false"))) {
      assertEquals(1, tok.encode("zzzunknown", false, false).getIds()[0], "unknown word → [UNK]");
      Encoding e = tok.encode("The cat sat in New_York with formic acid, don't ... well-known U.S. café zzzunknown",
          false, false);
      List<String> tokens = Arrays.asList(e.getTokens());
      // lower-cased by the normalizer; the unknown words come back as the unk token
      assertEquals(List.of("the", "cat", "sat", "[UNK]", "new_york", "[UNK]", "formic acid", ",", "don't", "...",
          "well-known", "u.s.", "café", "[UNK]"), tokens);
      long[] ids = e.getIds();
      for (int i = 0; i < tokens.size(); i++) {
        int row = v.indexOf(tokens.get(i));
        if (row < 0) {
          assertEquals(1, ids[i], tokens.get(i) + " → [UNK]");
          continue;
        }
        assertEquals(row + 2, ids[i], tokens.get(i));
        float[] got = Arrays.copyOfRange(weights, (int) ids[i] * 6, (int) ids[i] * 6 + 6);
        assertArrayEquals(v.vector(row), got, 0f, "the id's row of model.safetensors is " + tokens.get(i));
      }
    }
  }

  @Test
  void readsRowsThroughTheVocabularyNotTheirOrder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("hand"));
    // ids deliberately out of word order; id 2 is the unk token; 3 is a special added token
    Files.writeString(dir.resolve("tokenizer.json"), """
        {"added_tokens": [{"id": 3, "content": "<s>", "special": true}],
         "model": {"type": "WordLevel", "unk_token": "<unk>",
                   "vocab": {"zebra": 1, "apple": 4, "<unk>": 2, "<s>": 3, "mango": 0}}}""");
    float[] m = new float[5 * 2];
    for (int i = 0; i < m.length; i++) {
      m[i] = i;
    }
    new SafetensorsWriter().add("embedding.weight", "F32", new int[] {5, 2}, m).write(dir.resolve("model.safetensors"));
    WordVectors v = VectorFiles.read(dir);
    assertEquals(List.of("mango", "zebra", "apple"), v.words());
    assertArrayEquals(new float[] {0, 1}, v.vector("mango"), 0f);
    assertArrayEquals(new float[] {2, 3}, v.vector("zebra"), 0f);
    assertArrayEquals(new float[] {8, 9}, v.vector("apple"), 0f);
  }

  /** Model2Vec appends multi-word entries as added tokens after the model vocabulary; they have rows too. */
  @Test
  void readsAddedTokensBeyondTheModelVocabulary() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("m2v"));
    Files.writeString(dir.resolve("tokenizer.json"), """
        {"added_tokens": [{"id": 0, "content": "[PAD]", "special": true},
                          {"id": 3, "content": "formic acid", "special": false}],
         "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[PAD]": 0, "[UNK]": 1, "acid": 2}}}""");
    float[] m = {0, 0, 0, 0, 5, 6, 7, 8};
    new SafetensorsWriter().add("embeddings", "F16", new int[] {4, 2}, m).write(dir.resolve("model.safetensors"));
    WordVectors v = VectorFiles.read(dir);
    assertEquals(List.of("acid", "formic acid"), v.words());
    assertArrayEquals(new float[] {7, 8}, v.vector("formic acid"), 0f);
  }

  @Test
  void replacesAnOldFolderButNeverOtherData() throws IOException {
    Path dir = write(vectors(LOWER, 3, 5), Dtype.FP32);
    WordVectors second = vectors(List.of("x", "y"), 3, 6);
    VectorFiles.write(second, dir, VectorFormat.MODEL2VEC);
    assertEquals(second.words(), VectorFiles.read(dir).words());
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("precious.txt"), "keep");
    IOException e = assertThrows(IOException.class, () -> VectorFiles.write(second, data, VectorFormat.MODEL2VEC));
    assertTrue(e.getMessage().contains("not replacing"), e.getMessage());
    assertEquals("keep", Files.readString(data.resolve("precious.txt")));
  }

  @Test
  void badFoldersNameTheFile() throws IOException {
    WordVectors v = vectors(LOWER, 3, 7);
    Path dir = write(v, Dtype.FP32);

    Path noTok = copy(dir, "no-tokenizer");
    Files.delete(noTok.resolve("tokenizer.json"));
    assertMessage(noTok, noTok.resolve("tokenizer.json") + ": missing");

    Path noWeights = copy(dir, "no-weights");
    Files.delete(noWeights.resolve("model.safetensors"));
    assertMessage(noWeights, noWeights.resolve("model.safetensors") + ": missing");

    Path shape = copy(dir, "shape");
    new SafetensorsWriter().add("embeddings", "F32", new int[] {3, 3}, new float[9])
        .write(shape.resolve("model.safetensors"));
    assertMessage(shape, shape.resolve("model.safetensors") + ": shape mismatch: tensor embeddings has 3 rows but "
        + "tokenizer.json has " + (LOWER.size() + 2) + " tokens");

    Path range = copy(dir, "range");
    String t = Files.readString(range.resolve("tokenizer.json")).replace("\"cat\":3", "\"cat\":99");
    Files.writeString(range.resolve("tokenizer.json"), t);
    assertMessage(range, range.resolve("tokenizer.json") + ": model.vocab[\"cat\"]: id 99 out of range");

    Path json = copy(dir, "json");
    Files.writeString(json.resolve("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": 0,}}}");
    assertMessage(json, json.resolve("tokenizer.json") + ": not valid JSON: character 28: expected a string key");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertMessage(empty, empty + ": a directory without model.safetensors and tokenizer.json");
  }

  private static void assertMessage(Path dir, String prefix) {
    IOException e = assertThrows(IOException.class, () -> VectorFiles.read(dir));
    assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "…' but got: " + e.getMessage());
  }

  private Path copy(Path dir, String name) throws IOException {
    Path to = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }
}
