package dev.x2s.teachers.onnx;

import dev.x2s.teachers.bert.BertEncoders;
import dev.x2s.teachers.bert.BertForward;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;

/**
 * Builds {@link BertTeacher}s from ONNX artifacts ({@link OnnxTeacherSpec#KNOWN}: all-minilm-l6-v2,
 * bge-small-en-v1.5): weights mapped by {@link OnnxBertWeights}, the vocabulary of the shipped
 * tokenizer.json in x2s's own WordPiece tokenizer, the DJL encoder.
 */
public final class OnnxBertTeachers {
  private OnnxBertTeachers() {}

  /** Whether {@code id} names an ONNX teacher. */
  public static boolean isKnown(String id) {
    return OnnxTeacherSpec.byId(id).isPresent();
  }

  /** Resolves (fetching once if needed), maps and wraps a teacher. */
  public static BertTeacher load(String id) {
    return load(new OnnxModelResolver().load(id));
  }

  /** Wraps an already loaded model. */
  public static BertTeacher load(OnnxBertModel model) {
    return load(model, dev.x2s.teachers.Precision.FP32, 0);
  }

  /** Wraps an already loaded model at a precision ({@code bert.BertEncoders#open}). */
  public static BertTeacher load(OnnxBertModel model, dev.x2s.teachers.Precision precision, int threads) {
    WordPieceVocabulary v = model.vocabulary();
    // x2s's tokenizer is Google's FullTokenizer: [UNK], "##", 100 chars, accents stripped iff lower-cased.
    if (!v.unkToken().equals("[UNK]") || !v.prefix().equals("##")
        || v.maxInputCharsPerWord() != WordPieceTokenizer.MAX_CHARS_PER_WORD
        || v.lowercase() != v.stripAccents()) {
      throw new WeightsException(v.source(), "tokenizer settings (unk " + v.unkToken() + ", prefix "
          + v.prefix() + ", max chars " + v.maxInputCharsPerWord() + ", lowercase " + v.lowercase()
          + ", strip accents " + v.stripAccents() + ") differ from BERT's WordPiece");
    }
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(v.tokens(), v.lowercase());
    BertForward encoder = BertEncoders.open(model.config(), model.weights().tensors(), model.info().source(),
        precision, threads, tokenizer);
    return new BertTeacher(model.info(), encoder, tokenizer, BertTeacher.DEFAULT_OVERLAP);
  }
}
