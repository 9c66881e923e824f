package dev.x2s.teachers.bert;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face names of a BERT encoder's tensors, the canonical naming every weight reader (TF bundle,
 * ONNX, safetensors) produces for {@link BertEncoder}. Linear weights are in PyTorch layout
 * {@code [out, in]}; biases and LayerNorm parameters are 1-D. No {@code bert.} prefix, no pooler.
 */
public final class BertWeightNames {
  private BertWeightNames() {}

  public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
  public static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
  public static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
  public static final String EMBEDDINGS_LN_WEIGHT = "embeddings.LayerNorm.weight";
  public static final String EMBEDDINGS_LN_BIAS = "embeddings.LayerNorm.bias";

  /** {@code encoder.layer.{i}.} */
  public static String layer(int i) {
    return "encoder.layer." + i + ".";
  }

  public static String query(int i, String wb) {
    return layer(i) + "attention.self.query." + wb;
  }

  public static String key(int i, String wb) {
    return layer(i) + "attention.self.key." + wb;
  }

  public static String value(int i, String wb) {
    return layer(i) + "attention.self.value." + wb;
  }

  public static String attentionOutput(int i, String wb) {
    return layer(i) + "attention.output.dense." + wb;
  }

  public static String attentionLayerNorm(int i, String wb) {
    return layer(i) + "attention.output.LayerNorm." + wb;
  }

  public static String intermediate(int i, String wb) {
    return layer(i) + "intermediate.dense." + wb;
  }

  public static String output(int i, String wb) {
    return layer(i) + "output.dense." + wb;
  }

  public static String outputLayerNorm(int i, String wb) {
    return layer(i) + "output.LayerNorm." + wb;
  }

  /**
   * Strips the {@code bert.} prefix that Hugging Face {@code BertModel} checkpoints of task models
   * ({@code BertForMaskedLM}, …) carry, so their tensors match these names; other names are kept.
   */
  public static java.util.Map<String, dev.x2s.teachers.weights.Tensor> withoutBertPrefix(
      java.util.Map<String, dev.x2s.teachers.weights.Tensor> tensors) {
    java.util.Map<String, dev.x2s.teachers.weights.Tensor> out = new java.util.LinkedHashMap<>();
    for (var e : tensors.entrySet()) {
      String n = e.getKey().startsWith("bert.") ? e.getKey().substring(5) : e.getKey();
      out.put(n, e.getValue());
    }
    return out;
  }

  /** Every tensor the encoder needs, with its expected shape, in a fixed order. */
  public static List<Expected> expected(BertConfig c) {
    int h = c.hidden();
    int f = c.intermediate();
    List<Expected> out = new ArrayList<>();
    out.add(new Expected(WORD_EMBEDDINGS, c.vocabSize(), h));
    out.add(new Expected(POSITION_EMBEDDINGS, c.maxPositions(), h));
    out.add(new Expected(TOKEN_TYPE_EMBEDDINGS, c.typeVocabSize(), h));
    out.add(new Expected(EMBEDDINGS_LN_WEIGHT, h));
    out.add(new Expected(EMBEDDINGS_LN_BIAS, h));
    for (int i = 0; i < c.layers(); i++) {
      for (String n : List.of(query(i, ""), key(i, ""), value(i, ""), attentionOutput(i, ""))) {
        out.add(new Expected(n + "weight", h, h));
        out.add(new Expected(n + "bias", h));
      }
      out.add(new Expected(attentionLayerNorm(i, "weight"), h));
      out.add(new Expected(attentionLayerNorm(i, "bias"), h));
      out.add(new Expected(intermediate(i, "weight"), f, h));
      out.add(new Expected(intermediate(i, "bias"), f));
      out.add(new Expected(output(i, "weight"), h, f));
      out.add(new Expected(output(i, "bias"), h));
      out.add(new Expected(outputLayerNorm(i, "weight"), h));
      out.add(new Expected(outputLayerNorm(i, "bias"), h));
    }
    return out;
  }

  /**
   * Checks that every tensor the encoder needs is there with its shape.
   *
   * @throws dev.x2s.teachers.weights.WeightsException naming {@code source} and the tensor
   */
  public static void check(BertConfig c, java.util.Map<String, dev.x2s.teachers.weights.Tensor> tensors,
      String source) {
    for (Expected e : expected(c)) {
      dev.x2s.teachers.weights.Tensor t = tensors.get(e.name());
      if (t == null) {
        throw new dev.x2s.teachers.weights.WeightsException(source, "missing tensor " + e.name());
      }
      t.expectShape(source, e.shape());
    }
  }

  /** A required tensor and its shape. */
  public record Expected(String name, int... shape) {}
}
