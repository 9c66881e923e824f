package dev.x2s.teachers.testing;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertWeightNames;
import dev.x2s.teachers.hf.SafetensorsWriter;
import dev.x2s.teachers.weights.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Tiny random models written as real model directories, for running the production loaders and
 * commands ({@code x2s distill --teacher DIR}) without a download.
 */
public final class TinyModels {
  /** Width of {@link #bert}'s hidden states. */
  public static final int BERT_HIDDEN = 16;
  /** Transformer layers of {@link #bert}; it returns {@code BERT_LAYERS + 1} hidden states. */
  public static final int BERT_LAYERS = 2;

  private TinyModels() {}

  /**
   * Writes a random uncased BERT (width {@value #BERT_HIDDEN}, {@value #BERT_LAYERS} layers, 2 heads, 64
   * positions) as a Hugging Face directory: {@code config.json}, {@code vocab.txt} (the special tokens
   * and every word of {@code words}, lower-cased, so each is one piece), {@code tokenizer_config.json}
   * and {@code model.safetensors} (written by the production {@link SafetensorsWriter}). Gaussian
   * weights (σ 0.1) from {@code seed}; LayerNorm weights 1.
   */
  public static Path bert(Path dir, List<String> words, long seed) throws IOException {
    Set<String> vocab = new LinkedHashSet<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    for (String w : words) {
      vocab.add(w.toLowerCase(Locale.ROOT));
    }
    BertConfig c = new BertConfig(vocab.size(), BERT_HIDDEN, BERT_LAYERS, 2, 2 * BERT_HIDDEN, 64, 2, 1e-12, "gelu");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), String.format(Locale.ROOT,
        "{\"model_type\": \"bert\", \"vocab_size\": %d, \"hidden_size\": %d, \"num_hidden_layers\": %d,"
            + " \"num_attention_heads\": %d, \"intermediate_size\": %d, \"max_position_embeddings\": %d,"
            + " \"type_vocab_size\": %d, \"layer_norm_eps\": 1e-12, \"hidden_act\": \"gelu\"}",
        c.vocabSize(), c.hidden(), c.layers(), c.heads(), c.intermediate(), c.maxPositions(), c.typeVocabSize()));
    Files.write(dir.resolve("vocab.txt"), vocab);
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": true}");
    Random rnd = new Random(seed);
    List<Tensor> tensors = new ArrayList<>();
    for (BertWeightNames.Expected e : BertWeightNames.expected(c)) {
      int n = 1;
      for (int d : e.shape()) {
        n *= d;
      }
      float[] v = new float[n];
      boolean layerNormWeight = e.name().contains("LayerNorm.weight");
      for (int i = 0; i < n; i++) {
        v[i] = layerNormWeight ? 1f : (float) (rnd.nextGaussian() * 0.1);
      }
      tensors.add(new Tensor(e.name(), e.shape(), v));
    }
    SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
    return dir;
  }
}
