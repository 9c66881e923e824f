package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.testkit.Tags;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading the vocabulary from the teachers' tokenizer.json files, and rejecting other tokenizers. */
class WordPieceVocabularyTest {

  /** Both models use the uncased BERT vocabulary: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, "the"=1996. */
  @ParameterizedTest
  @ValueSource(strings = {TestModels.MINILM, TestModels.BGE})
  @Tag(Tags.MODEL)
  void readsTheUncasedBertVocabulary(String id) {
    WordPieceVocabulary v = WordPieceVocabulary.fromTokenizerJson(id, TestModels.tokenizerJson(id));
    assertEquals(30522, v.size());
    assertEquals("[PAD]", v.tokens().get(0));
    assertEquals("[UNK]", v.tokens().get(100));
    assertEquals("[CLS]", v.tokens().get(101));
    assertEquals("[SEP]", v.tokens().get(102));
    assertEquals("the", v.tokens().get(1996));
    assertTrue(v.lowercase());
    assertTrue(v.stripAccents());
    assertEquals("[UNK]", v.unkToken());
    assertEquals("##", v.prefix());
    assertEquals(100, v.maxInputCharsPerWord());
  }

  private static WeightsException bad(String json) {
    return assertThrows(WeightsException.class, () -> WordPieceVocabulary.fromTokenizerJson(
        "tok.json", json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rejectsOtherTokenizersAndBrokenFiles() {
    assertEquals("tok.json: tokenizer model is BPE, expected WordPiece",
        bad("{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}").getMessage());
    assertEquals("tok.json: no object 'model' in tokenizer.json", bad("{\"version\": \"1.0\"}").getMessage());
    assertTrue(bad("{\"model\": ").getMessage().startsWith("tok.json: not a tokenizer.json"));
    assertEquals("tok.json: vocab id 1 of 'b' is out of range or repeated (ids must be 0..1)",
        bad("{\"model\": {\"type\": \"WordPiece\", \"unk_token\": \"a\", \"vocab\": {\"a\": 1, \"b\": 1}}}")
            .getMessage());
    assertEquals("tok.json: unknown token [UNK] is not in the vocabulary",
        bad("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}}}").getMessage());
  }
}
