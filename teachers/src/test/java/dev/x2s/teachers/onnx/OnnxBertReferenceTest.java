package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.x2s.teachers.bert.BertEncoder;
import dev.x2s.teachers.bert.HiddenStates;
import dev.x2s.testkit.Tags;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mapped weights against ONNX Runtime running the very same {@code .onnx} file: every hidden state
 * (embeddings LayerNorm output and each layer's output, exposed as extra graph outputs in an edited
 * copy of the model) for a padded batch of sentences tokenized by the model's own tokenizer.json
 * (DJL's Hugging Face tokenizers). Two implementations are compared with ORT: a test-only plain-Java
 * double-precision forward ({@link ReferenceBert}) and the production {@link BertEncoder} (DJL/PyTorch).
 */
@Tag(Tags.MODEL)
class OnnxBertReferenceTest {
  private static final double TOLERANCE = 1e-4;

  /** Short, long, accented/punctuated and single-character inputs; lengths differ, so rows are padded. */
  private static final List<String> SENTENCES = List.of(
      "The cat sat on the mat.",
      "Static word embeddings are distilled from contextual models such as BERT, layer by layer.",
      "Naïve café owners in Zürich don't like unaffable x2s-style tokenization!",
      "a");

  private record OrtRun(long[][] ids, int seq, float[][][][] states) {}

  private static final Map<String, OrtRun> RUNS = new HashMap<>();

  /** ORT hidden states {@code [state][sentence][pos][dim]} for {@link #SENTENCES}, padded with id 0. */
  private static synchronized OrtRun ort(String id) throws Exception {
    if (RUNS.containsKey(id)) {
      return RUNS.get(id);
    }
    long[][] ids = new long[SENTENCES.size()][];
    try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
        new ByteArrayInputStream(TestModels.tokenizerJson(id)),
        Map.of("padding", "false", "truncation", "false"))) {
      for (int s = 0; s < ids.length; s++) {
        Encoding e = tok.encode(SENTENCES.get(s));
        ids[s] = e.getIds();
        assertEquals(101, ids[s][0], "[CLS] first");
        assertEquals(102, ids[s][ids[s].length - 1], "[SEP] last");
      }
    }
    int seq = 0;
    for (long[] row : ids) {
      seq = Math.max(seq, row.length);
    }
    float[][][][] states = OrtHiddenStates.run(id, ids);
    OrtRun run = new OrtRun(ids, seq, states);
    RUNS.put(id, run);
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void mappedWeightsReproduceOrtAtEveryLayer(String id) throws Exception {
    OrtRun run = ort(id);
    OnnxBertWeights w = TestModels.weights(id);
    ReferenceBert ref = new ReferenceBert(w.config(), w.tensors());
    double max = 0;
    for (int s = 0; s < run.ids.length; s++) {
      double[][][] mine = ref.forward(run.ids[s]);
      for (int l = 0; l < mine.length; l++) {
        for (int p = 0; p < run.ids[s].length; p++) {
          for (int k = 0; k < w.config().hidden(); k++) {
            max = Math.max(max, Math.abs(mine[l][p][k] - run.states[l][s][p][k]));
          }
        }
      }
    }
    System.out.printf("%s: plain-Java reference vs ONNX Runtime, max |diff| over %d states = %.3g%n",
        id, run.states.length, max);
    assertTrue(max <= TOLERANCE, id + ": max |diff| " + max);
  }

  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void djlEncoderReproducesOrtAtEveryLayer(String id) throws Exception {
    OrtRun run = ort(id);
    OnnxBertWeights w = TestModels.weights(id);
    int batch = run.ids.length;
    int[][] ids = new int[batch][run.seq];
    int[] lengths = new int[batch];
    for (int s = 0; s < batch; s++) {
      lengths[s] = run.ids[s].length;
      for (int p = 0; p < lengths[s]; p++) {
        ids[s][p] = (int) run.ids[s][p];
      }
    }
    double max = 0;
    try (BertEncoder enc = new BertEncoder(w.config(), w.tensors(), id)) {
      HiddenStates hs = enc.forward(ids, lengths, w.config().layers());
      assertEquals(w.config().layers() + 1, hs.layers());
      for (int s = 0; s < batch; s++) {
        for (int l = 0; l < hs.layers(); l++) {
          for (int p = 0; p < lengths[s]; p++) {
            for (int k = 0; k < hs.dim(); k++) {
              max = Math.max(max, Math.abs(hs.get(s, l, p, k) - run.states[l][s][p][k]));
            }
          }
        }
      }
    }
    System.out.printf("%s: BertEncoder (DJL) vs ONNX Runtime, max |diff| over %d states = %.3g%n",
        id, run.states.length, max);
    assertTrue(max <= TOLERANCE, id + ": max |diff| " + max);
  }
}
