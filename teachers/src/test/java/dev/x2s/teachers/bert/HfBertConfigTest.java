package dev.x2s.teachers.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfBertConfigTest {
  @TempDir Path tmp;

  @Test
  void readsBertBaseUncasedConfig() throws IOException {
    // the fields of bert-base-uncased's config.json as published on the Hugging Face hub
    Path f = tmp.resolve("config.json");
    Files.writeString(f, """
        {"architectures": ["BertForMaskedLM"], "attention_probs_dropout_prob": 0.1, "hidden_act": "gelu",
         "hidden_dropout_prob": 0.1, "hidden_size": 768, "initializer_range": 0.02, "intermediate_size": 3072,
         "layer_norm_eps": 1e-12, "max_position_embeddings": 512, "model_type": "bert",
         "num_attention_heads": 12, "num_hidden_layers": 12, "pad_token_id": 0, "type_vocab_size": 2,
         "vocab_size": 30522}
        """);
    assertEquals(new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 1e-12, "gelu"), HfBertConfig.read(f));
  }

  @Test
  void missingFieldIsNamed() throws IOException {
    Path f = tmp.resolve("config.json");
    Files.writeString(f, "{\"hidden_size\": 384}");
    WeightsException e = assertThrows(WeightsException.class, () -> HfBertConfig.read(f));
    assertEquals(f + ": field vocab_size missing or not a number", e.getMessage());
  }
}
