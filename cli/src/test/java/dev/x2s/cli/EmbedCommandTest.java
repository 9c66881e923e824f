package dev.x2s.cli;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code x2s embed} on the tiny real ELMo of {@code shared/fixtures/elmo-tiny} (AllenNLP's test fixture).
 * The printed values are checked against the fixture's reference outputs, made by bilm-tf (see the
 * fixture's README): {@code elmo_token_embeddings.hdf5} (layer 0 = [emb, emb]) and
 * {@code lm_embeddings_0.hdf5} dataset {@code "0"} (top layer, forward half, of list 0's first sentence,
 * which bilm-tf ran in the first batch, from zero states: what a stateless teacher computes).
 */
class EmbedCommandTest {
  private static final Pattern WORD = Pattern.compile("^(\\d+) (\\S+)  pieces \\[(.*)]$");
  private static final Pattern LAYER = Pattern.compile("^  layer (\\d+)  norm +([0-9.]+)  \\[([^\\]]*?)( \\.\\.\\.)?]$");

  static Path fixture() {
    return SharedData.fixture("elmo-tiny");
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** word index → layer → printed values; also checks the word/pieces lines. */
  static Map<Integer, Map<Integer, double[]>> parse(String out, List<String> words, Map<String, Double> norms) {
    Map<Integer, Map<Integer, double[]>> got = new HashMap<>();
    int word = -1;
    for (String line : out.split("\n")) {
      Matcher w = WORD.matcher(line);
      Matcher l = LAYER.matcher(line);
      if (w.matches()) {
        word = Integer.parseInt(w.group(1));
        assertEquals(words.get(word), w.group(2));
        assertEquals(words.get(word), w.group(3), "an ELMo word is its own single piece");
      } else if (l.matches()) {
        double[] v = Arrays.stream(l.group(3).split(" ")).mapToDouble(Double::parseDouble).toArray();
        got.computeIfAbsent(word, k -> new HashMap<>()).put(Integer.parseInt(l.group(1)), v);
        norms.put(word + "/" + l.group(1), Double.parseDouble(l.group(2)));
      }
    }
    return got;
  }

  @Test
  void printsPiecesAndLayersMatchingTheFixtureReferences() throws IOException {
    Path dir = fixture();
    List<List<String>> lists;
    try (var r = Files.newBufferedReader(dir.resolve("sentences.json"), StandardCharsets.UTF_8)) {
      lists = new Gson().fromJson(r, new com.google.gson.reflect.TypeToken<List<List<String>>>() {}.getType());
    }
    String sentence = lists.get(0).get(0);
    List<String> words = Arrays.asList(sentence.strip().split("\\s+"));
    Run r = run("embed", "--teacher", dir.toString(), "--layers", "0,2", "--values", "16", "--whitespace", sentence);
    assertEquals(0, r.exit(), r.err());
    // a negative layer counts from the top, as in every command: -1 is layer 2 of 0..2
    assertEquals(r.out(), run("embed", "--teacher", dir.toString(), "--layers", "0,-1", "--values", "16",
        "--whitespace", sentence).out());
    assertTrue(r.out().contains("lm_weights.hdf5: elmo, 3 layers x 32, window unbounded\n"), r.out());
    assertTrue(r.out().contains(words.size() + " words, " + words.size() + " pieces, mean pooling"), r.out());
    Map<String, Double> norms = new HashMap<>();
    Map<Integer, Map<Integer, double[]>> got = parse(r.out(), words, norms);
    assertEquals(words.size(), got.size());

    float[][][] top; // [direction][word][16]
    try (HdfFile f = new HdfFile(dir.resolve("lm_embeddings_0.hdf5"))) {
      top = (float[][][]) f.getDatasetByPath("0").getData();
    }
    List<String> vocab = Arrays.asList(Files.readString(dir.resolve("vocab_test.txt")).strip().split("\n"));
    float[][] emb;
    try (HdfFile f = new HdfFile(dir.resolve("elmo_token_embeddings.hdf5"))) {
      emb = (float[][]) f.getDatasetByPath("embedding").getData();
    }
    int checkedLayer0 = 0;
    for (int w = 0; w < words.size(); w++) {
      double[] l2 = got.get(w).get(2);
      assertEquals(16, l2.length);
      for (int k = 0; k < 16; k++) {
        assertEquals(top[0][w][k], l2[k], 2e-5, "word " + w + " top layer value " + k);
      }
      int v = vocab.indexOf(words.get(w));
      if (v >= 0) {
        double sq = 0;
        for (int k = 0; k < 16; k++) {
          assertEquals(emb[v][k], got.get(w).get(0)[k], 2e-5, "word " + w + " layer 0 value " + k);
          sq += (double) emb[v][k] * emb[v][k];
        }
        // layer 0 is [emb, emb]: its norm is sqrt(2) |emb|
        assertEquals(Math.sqrt(2 * sq), norms.get(w + "/0"), 2e-4, "word " + w + " layer 0 norm");
        checkedLayer0++;
      }
    }
    assertTrue(checkedLayer0 > 20, "words of the sentence found in vocab_test.txt: " + checkedLayer0);
  }

  @Test
  void badLayersAndUnknownTeachersAreClearErrors() {
    Run r = run("embed", "--teacher", fixture().toString(), "--layers", "1-5", "a b");
    assertTrue(r.exit() != 0);
    assertTrue(r.err().contains("--layers: layer 5 is out of range") && r.err().contains("0..2"), r.err());
    r = run("embed", "--teacher", fixture().toString(), "--layers", "top", "a b");
    assertTrue(r.err().contains("--layers: ") && r.err().contains("'top'"), r.err());
    r = run("embed", "--teacher", "bert-huge", "a b");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("x2s: unknown teacher 'bert-huge' (neither a known id nor a directory); known ids:"
        + " all-minilm-l6-v2, bert-base-cased"), r.err());
  }

  @Test
  void defaultTokenizerSplitsPunctuationAndShowsEveryLayer() {
    Run r = run("embed", "--teacher", fixture().toString(), "--values", "2", "The cat, it sat.");
    assertEquals(0, r.exit(), r.err());
    Map<String, Double> norms = new HashMap<>();
    List<String> words = List.of("The", "cat", ",", "it", "sat", ".");
    Map<Integer, Map<Integer, double[]>> got = parse(r.out(), words, norms);
    assertEquals(6, got.size());
    for (Map<Integer, double[]> layers : got.values()) {
      assertEquals(new ArrayList<>(List.of(0, 1, 2)), new ArrayList<>(new java.util.TreeSet<>(layers.keySet())));
      assertEquals(2, layers.get(1).length);
    }
  }
}
