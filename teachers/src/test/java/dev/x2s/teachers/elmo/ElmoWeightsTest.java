package dev.x2s.teachers.elmo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options and weight loading from the AllenNLP fixture, and clear errors for broken inputs. */
class ElmoWeightsTest {
  @TempDir Path tmp;

  @Test
  void readsFixtureOptions() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    assertEquals(4, o.charEmbeddingDim());
    assertEquals(5, o.filters().size());
    assertArrayEquals(new int[] {5, 64}, o.filters().get(4));
    assertEquals(124, o.filterCount());
    assertEquals(2, o.highwayLayers());
    assertEquals(262, o.characters());
    assertEquals(50, o.maxCharactersPerToken());
    assertEquals("relu", o.activation());
    assertEquals(64, o.cellDim());
    assertEquals(16, o.projectionDim());
    assertEquals(2, o.lstmLayers());
    assertEquals(3.0, o.cellClip());
    assertEquals(3.0, o.projectionClip());
    assertTrue(o.skipConnections());
    assertEquals(3, o.outputLayers());
    assertEquals(32, o.outputDim());
  }

  @Test
  void readsEveryFixtureDataset() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    ElmoWeights w = ElmoWeights.load(ElmoFixture.weights(), o);
    // 1 char_embed + 5×2 CNN + 2×4 highway + 2 projection + 2 directions × 2 layers × 3 LSTM
    assertEquals(33, w.tensors().size());
    assertArrayEquals(new int[] {261, 4}, w.get("char_embed").shape());
    assertArrayEquals(new int[] {1, 3, 4, 16}, w.get("CNN/W_cnn_2").shape());
    assertArrayEquals(
        new int[] {32, 256}, w.get("RNN_1/RNN/MultiRNNCell/Cell1/LSTMCell/W_0").shape());
    assertArrayEquals(
        new int[] {64, 16}, w.get("RNN_0/RNN/MultiRNNCell/Cell0/LSTMCell/W_P_0").shape());
  }

  @Test
  void trainingOptionsWith261CharactersLoadTheSameFile() throws IOException {
    // bilm-tf's training options say 261; the weight file holds 261 rows either way
    String json = Files.readString(ElmoFixture.options()).replace("\"n_characters\": 262", "\"n_characters\": 261");
    Path f = tmp.resolve("options.json");
    Files.writeString(f, json);
    ElmoOptions o = ElmoOptions.read(f);
    assertEquals(261, o.characters());
    assertArrayEquals(new int[] {261, 4}, ElmoWeights.load(ElmoFixture.weights(), o).get("char_embed").shape());
  }

  @Test
  void missingOptionsFileIsNamed() {
    Path missing = tmp.resolve("nope/options.json");
    WeightsException e = assertThrows(WeightsException.class, () -> ElmoOptions.read(missing));
    assertEquals(missing.toString(), e.source());
    assertTrue(e.getMessage().contains("cannot read ELMo options"), e.getMessage());
  }

  @Test
  void optionsMissingKeyIsNamed() throws IOException {
    String json = Files.readString(ElmoFixture.options()).replace("\"projection_dim\"", "\"projection\"");
    Path f = tmp.resolve("options.json");
    Files.writeString(f, json);
    WeightsException e = assertThrows(WeightsException.class, () -> ElmoOptions.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("lstm.projection_dim"), e.getMessage());
  }

  @Test
  void optionsNotJsonIsReported() throws IOException {
    Path f = tmp.resolve("options.json");
    Files.writeString(f, "{\"lstm\": {");
    WeightsException e = assertThrows(WeightsException.class, () -> ElmoOptions.read(f));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void completeCopyRoundTrips() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    ElmoWeights w = ElmoWeights.load(ElmoFixture.weights(), o);
    Path copy = tmp.resolve("copy.hdf5");
    write(copy, w.tensors());
    ElmoWeights back = ElmoWeights.load(copy, o);
    for (Tensor t : w.tensors().values()) {
      assertArrayEquals(t.data(), back.get(t.name()).data(), t.name());
    }
  }

  @Test
  void missingDatasetIsNamed() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    Map<String, Tensor> tensors = new LinkedHashMap<>(ElmoWeights.load(ElmoFixture.weights(), o).tensors());
    String gone = "RNN_1/RNN/MultiRNNCell/Cell1/LSTMCell/B";
    tensors.remove(gone);
    Path bad = tmp.resolve("missing.hdf5");
    write(bad, tensors);
    WeightsException e = assertThrows(WeightsException.class, () -> ElmoWeights.load(bad, o));
    assertEquals(bad.toString(), e.source());
    assertTrue(e.getMessage().contains("missing dataset " + gone), e.getMessage());
  }

  @Test
  void wrongShapeIsNamed() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    Map<String, Tensor> tensors = new LinkedHashMap<>(ElmoWeights.load(ElmoFixture.weights(), o).tensors());
    String name = "RNN_0/RNN/MultiRNNCell/Cell0/LSTMCell/W_P_0";
    tensors.put(name, tensors.get(name).transposed(name)); // [16, 64] instead of [64, 16]
    Path bad = tmp.resolve("shape.hdf5");
    write(bad, tensors);
    WeightsException e = assertThrows(WeightsException.class, () -> ElmoWeights.load(bad, o));
    assertEquals(bad.toString(), e.source());
    assertTrue(
        e.getMessage().contains("tensor " + name + " has shape [16, 64], expected [64, 16]"),
        e.getMessage());
  }

  @Test
  void optionsThatDisagreeWithTheFileAreCaught() throws IOException {
    // 3 highway layers asked for, the file has 2
    String json = Files.readString(ElmoFixture.options()).replace("\"n_highway\": 2", "\"n_highway\": 3");
    Path f = tmp.resolve("options.json");
    Files.writeString(f, json);
    ElmoOptions o = ElmoOptions.read(f);
    WeightsException e =
        assertThrows(WeightsException.class, () -> ElmoWeights.load(ElmoFixture.weights(), o));
    assertTrue(e.getMessage().contains("missing dataset CNN_high_2/W_carry"), e.getMessage());
  }

  @Test
  void missingOrNonHdf5WeightFile() {
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    Path missing = tmp.resolve("lm_weights.hdf5");
    WeightsException e1 = assertThrows(WeightsException.class, () -> ElmoWeights.load(missing, o));
    assertEquals(missing.toString(), e1.source());
    WeightsException e2 =
        assertThrows(WeightsException.class, () -> ElmoWeights.load(ElmoFixture.options(), o));
    assertEquals(ElmoFixture.options().toString(), e2.source());
    assertTrue(e2.getMessage().contains("cannot read HDF5"), e2.getMessage());
  }

  @Test
  void teacherOpenReportsTheBrokenFile() {
    Path bad = tmp.resolve("missing.hdf5");
    ElmoOptions o = ElmoOptions.read(ElmoFixture.options());
    Map<String, Tensor> tensors = new LinkedHashMap<>(ElmoWeights.load(ElmoFixture.weights(), o).tensors());
    tensors.remove("char_embed");
    write(bad, tensors);
    WeightsException e =
        assertThrows(WeightsException.class, () -> ElmoTeacher.open(ElmoFixture.options(), bad));
    assertTrue(e.getMessage().contains("missing dataset char_embed"), e.getMessage());
  }

  /** Writes tensors as HDF5 datasets at their paths (jhdf's writer), creating groups as needed. */
  private static void write(Path file, Map<String, Tensor> tensors) {
    try (WritableHdfFile out = HdfFile.write(file)) {
      Map<String, WritableGroup> groups = new HashMap<>();
      for (Tensor t : tensors.values()) {
        List<String> parts = List.of(t.name().split("/"));
        WritableGroup g = out;
        String path = "";
        for (String part : parts.subList(0, parts.size() - 1)) {
          path += "/" + part;
          WritableGroup parent = g;
          g = groups.computeIfAbsent(path, p -> parent.putGroup(part));
        }
        g.putDataset(parts.get(parts.size() - 1), nested(t));
      }
    }
  }

  private static Object nested(Tensor t) {
    float[] d = t.data();
    int[] s = t.shape();
    switch (s.length) {
      case 1:
        return d.clone();
      case 2: {
        float[][] a = new float[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
          System.arraycopy(d, i * s[1], a[i], 0, s[1]);
        }
        return a;
      }
      case 4: {
        float[][][][] a = new float[s[0]][s[1]][s[2]][s[3]];
        int o = 0;
        for (int i = 0; i < s[0]; i++) {
          for (int j = 0; j < s[1]; j++) {
            for (int k = 0; k < s[2]; k++) {
              System.arraycopy(d, o, a[i][j][k], 0, s[3]);
              o += s[3];
            }
          }
        }
        return a;
      }
      default:
        throw new IllegalArgumentException("rank " + s.length);
    }
  }
}
