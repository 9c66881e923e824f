package dev.x2s.teachers.onnx;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.TeacherInfo;
import java.nio.file.Path;

/**
 * A BERT-family teacher loaded from an ONNX artifact: weights under HF names, config, vocabulary and
 * the raw {@code tokenizer.json} (for DJL's Hugging Face tokenizer).
 *
 * @param spec which artifact
 * @param jar the jar it was read from
 * @param weights mapped weights and config
 * @param vocabulary WordPiece vocabulary with normalisation flags
 * @param tokenizerJson the {@code tokenizer.json} bytes as shipped
 */
public record OnnxBertModel(
    OnnxTeacherSpec spec, Path jar, OnnxBertWeights weights, WordPieceVocabulary vocabulary,
    byte[] tokenizerJson) {

  public BertConfig config() {
    return weights.config();
  }

  /** Teacher facts: layers + 1 hidden states, window = position embeddings. */
  public TeacherInfo info() {
    BertConfig c = config();
    return new TeacherInfo(spec.id(), "bert", c.layers() + 1, c.hidden(), c.maxPositions(),
        spec.coordinates() + " " + spec.onnxEntry());
  }
}
