/**
 * GPT-2's byte-level BPE ({@link dev.x2s.teachers.bpe.ByteLevelBpe}), read from OpenAI's
 * {@code encoder.json}/{@code vocab.bpe} or Hugging Face's {@code vocab.json}/{@code merges.txt}.
 *
 * <p>Implemented in Java instead of DJL's native Hugging Face tokenizers because the teacher encodes
 * word by word (x2s has already split sentences into words): a JNI call per word would cost more than
 * the cached lookup that most words become here, no {@code tokenizer.json} has to be generated, and no
 * native library is needed just to tokenize. Checked against published GPT-2 encodings (tiktoken and
 * GPT-3-Encoder test files) in the tests.
 */
package dev.x2s.teachers.bpe;
