package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import dev.x2s.testkit.Tags;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX teachers end to end: x2s's WordPiece on the shipped vocabulary must give the ids of the
 * model's own tokenizer.json (run by DJL's Hugging Face tokenizers), and the teacher's mean-pooled word
 * vectors at every layer must equal the mean of ONNX Runtime's piece states.
 */
@Tag(Tags.MODEL)
class OnnxBertTeachersTest {
  private static final List<String> WORDS = List.of(
      "Naïve", "café", "owners", "don't", "like", "unaffable", "tokenization", "!");

  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  void wordVectorsMatchOnnxRuntime(String id) throws Exception {
    OnnxTeacherSpec spec = TestModels.spec(id);
    byte[] tokJson = TestModels.tokenizerJson(id);
    OnnxBertModel model = new OnnxBertModel(spec, TestModels.resolver().jar(spec),
        TestModels.weights(id), WordPieceVocabulary.fromTokenizerJson(id, tokJson), tokJson);
    try (BertTeacher teacher = OnnxBertTeachers.load(model)) {
      assertEquals(model.info(), teacher.info());
      WordPieceTokenizer.Encoded enc = teacher.tokenizer().encodeWords(WORDS);
      long[] ids = new long[enc.ids().length + 2];
      ids[0] = 101;
      for (int p = 0; p < enc.ids().length; p++) {
        ids[p + 1] = enc.ids()[p];
      }
      ids[ids.length - 1] = 102;
      try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokJson),
          Map.of("padding", "false", "truncation", "false"))) {
        assertArrayEquals(hf.encode(String.join(" ", WORDS)).getIds(), ids,
            "x2s WordPiece vs the model's tokenizer.json");
      }

      int layers = teacher.info().numLayers();
      WordStates ws = teacher.encode(List.of(WORDS), layers - 1, PiecePooling.MEAN).get(0);
      float[][][][] ort = OrtHiddenStates.run(id, new long[][] {ids});
      double max = 0;
      int dim = ws.dim();
      for (int l = 0; l < layers; l++) {
        for (int w = 0; w < WORDS.size(); w++) {
          double[] mean = new double[dim];
          int count = 0;
          for (int p = 0; p < enc.ids().length; p++) {
            if (enc.wordOfPiece()[p] == w) {
              count++;
              for (int k = 0; k < dim; k++) {
                mean[k] += ort[l][0][p + 1][k];
              }
            }
          }
          for (int k = 0; k < dim; k++) {
            max = Math.max(max, Math.abs(ws.get(l, w, k) - mean[k] / count));
          }
        }
      }
      System.out.printf("%s: teacher word vectors vs ONNX Runtime, %d layers, pieces %s, max |diff| = %.3g%n",
          id, layers, Arrays.toString(enc.ids()), max);
      assertTrue(max <= 1e-4, id + ": max |diff| " + max);
    }
  }
}
