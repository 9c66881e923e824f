package dev.x2s.teachers.onnx;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.weights.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a BERT encoder recovered from an ONNX export, under Hugging Face names
 * ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.{i}.attention.self.query.weight},
 * …), linear weights in PyTorch {@code [out, in]} layout, plus the architecture read from the graph.
 * See {@link BertGraphMatcher} for which graph forms are recognised.
 */
public final class OnnxBertWeights {
  private final BertConfig config;
  private final Map<String, Tensor> tensors;
  private final List<String> hiddenStates;
  private final Map<String, String> origins;

  OnnxBertWeights(
      BertConfig config, Map<String, Tensor> tensors, List<String> hiddenStates,
      Map<String, String> origins) {
    this.config = config;
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    this.hiddenStates = List.copyOf(hiddenStates);
    this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
  }

  /**
   * Maps a model's graph to BERT weights.
   *
   * @throws dev.x2s.teachers.weights.WeightsException if the graph is not a recognisable BERT encoder;
   *     the message names the file, the node and its byte offset
   */
  public static OnnxBertWeights from(OnnxModel model) {
    return new BertGraphMatcher(model).match();
  }

  /** Architecture: widths, layer and head counts, LayerNorm epsilon and activation from the graph. */
  public BertConfig config() {
    return config;
  }

  /** Every tensor by HF name (no {@code bert.} prefix, no pooler), in encoder order. */
  public Map<String, Tensor> tensors() {
    return tensors;
  }

  /**
   * Names of the graph values holding the hidden states: index 0 the embeddings LayerNorm output,
   * index {@code i} the output of layer {@code i - 1} (the last is the last hidden state).
   */
  public List<String> hiddenStates() {
    return hiddenStates;
  }

  /** For each HF name, the ONNX initializer it came from (provenance, diagnostics). */
  public Map<String, String> origins() {
    return origins;
  }
}
