/**
 * GPT-2 as a teacher: {@link dev.x2s.teachers.gpt2.Gpt2Config} and
 * {@link dev.x2s.teachers.gpt2.Gpt2Weights} (HF naming, with or without {@code transformer.}),
 * {@link dev.x2s.teachers.gpt2.Gpt2WordPieces} (word {@code i} → BPE of {@code " " + word}, the first
 * word without the space), {@link dev.x2s.teachers.gpt2.Gpt2Encoder} (forward pass on DJL's PyTorch
 * engine, all hidden states, top one after {@code ln_f}) and {@link dev.x2s.teachers.gpt2.Gpt2Teacher}
 * (windows for long sentences, optional {@code <|endoftext|>} BOS, pooling).
 */
package dev.x2s.teachers.gpt2;
