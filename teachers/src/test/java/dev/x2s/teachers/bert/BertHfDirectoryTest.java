package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.hf.SafetensorsTestWriter;
import dev.x2s.teachers.models.ResolvedModel;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny random BERT (seed 42, {@link BertEncoderInputTest#TINY}) written as a Hugging Face directory
 * loads into a teacher that gives exactly the in-memory teacher's states.
 */
class BertHfDirectoryTest {
  static final String CONFIG = "{\"model_type\": \"bert\", \"vocab_size\": 20, \"hidden_size\": 8,"
      + " \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": 16,"
      + " \"max_position_embeddings\": 16, \"type_vocab_size\": 2, \"layer_norm_eps\": 1e-12,"
      + " \"hidden_act\": \"gelu\"}";

  /** Writes the tiny model as {@code BertForMaskedLM} would save it: {@code bert.} prefix, extra head. */
  static Path writeTiny(Path dir, Map<String, Tensor> weights) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), CONFIG);
    Files.write(dir.resolve("vocab.txt"), BertTeacherInputTest.VOCAB);
    List<Tensor> tensors = new ArrayList<>();
    for (Tensor t : weights.values()) {
      tensors.add(new Tensor("bert." + t.name(), t.shape(), t.data()));
    }
    tensors.add(new Tensor("cls.predictions.bias", new int[] {20}, new float[20]));
    SafetensorsTestWriter.write(dir.resolve("model.safetensors"), tensors);
    return dir;
  }

  @Test
  void directoryTeacherEqualsTheInMemoryOneExactly(@TempDir Path tmp) throws IOException {
    BertConfig c = BertEncoderInputTest.TINY;
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(c, 42);
    Path dir = writeTiny(tmp.resolve("tiny-bert"), w);
    List<List<String>> sentences = List.of(List.of("A", "cx", "b"), List.of("d", "e", "f", "gx", "h"));
    try (BertTeacher mem = BertTeacher.create("mem", "test", c, w,
            new WordPieceTokenizer(BertTeacherInputTest.VOCAB, true));
        BertTeacher loaded = BertTeacher.load(new ResolvedModel(dir.toString(), ResolvedModel.Kind.HF_DIRECTORY,
            dir, null), tmp.resolve("cache"))) {
      assertEquals(3, loaded.info().numLayers());
      assertEquals(8, loaded.info().dim());
      assertEquals(16, loaded.info().maxPieces());
      assertTrue(loaded.tokenizer().lowerCase(), "no tokenizer_config.json, uncased name: lower-case");
      List<WordStates> a = mem.encode(sentences, 2, PiecePooling.MEAN);
      List<WordStates> b = loaded.encode(sentences, 2, PiecePooling.MEAN);
      for (int s = 0; s < sentences.size(); s++) {
        assertArrayEquals(a.get(s).data(), b.get(s).data(), "sentence " + s);
      }
    }
  }

  @Test
  void lowerCasingFollowsTokenizerConfigElseTheName(@TempDir Path tmp) throws IOException {
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(BertEncoderInputTest.TINY, 42);
    Path cased = writeTiny(tmp.resolve("tiny-bert-cased"), w);
    assertFalse(BertTeacher.doLowerCase(cased));
    Path uncased = writeTiny(tmp.resolve("tiny-bert-uncased"), w);
    assertTrue(BertTeacher.doLowerCase(uncased));
    Files.writeString(cased.resolve("tokenizer_config.json"), "{\"do_lower_case\": true}");
    assertTrue(BertTeacher.doLowerCase(cased));
    Files.writeString(uncased.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
    assertFalse(BertTeacher.doLowerCase(uncased));
    try (BertTeacher t = BertTeacher.loadHfDirectory(uncased)) {
      assertFalse(t.tokenizer().lowerCase());
    }
  }

  @Test
  void missingFilesAndTensorsAreNamed(@TempDir Path tmp) throws IOException {
    Map<String, Tensor> w = BertEncoderInputTest.randomWeights(BertEncoderInputTest.TINY, 42);
    Path dir = writeTiny(tmp.resolve("m"), w);
    Files.delete(dir.resolve("vocab.txt"));
    WeightsException e = assertThrows(WeightsException.class, () -> BertTeacher.loadHfDirectory(dir));
    assertTrue(e.getMessage().contains("no vocab.txt"), e.getMessage());

    w.remove(BertWeightNames.output(1, "bias"));
    Path dir2 = writeTiny(tmp.resolve("m2"), w);
    e = assertThrows(WeightsException.class, () -> BertTeacher.loadHfDirectory(dir2));
    assertEquals(dir2.resolve("model.safetensors") + ": missing tensor encoder.layer.1.output.dense.bias",
        e.getMessage());

    Path dir3 = writeTiny(tmp.resolve("m3"), BertEncoderInputTest.randomWeights(BertEncoderInputTest.TINY, 42));
    Files.write(dir3.resolve("vocab.txt"), BertTeacherInputTest.VOCAB.subList(0, 19));
    e = assertThrows(WeightsException.class, () -> BertTeacher.loadHfDirectory(dir3));
    assertTrue(e.getMessage().contains("has 19 pieces but config.json vocab_size is 20"), e.getMessage());
  }
}
