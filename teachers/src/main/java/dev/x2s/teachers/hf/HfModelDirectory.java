package dev.x2s.teachers.hf;

import dev.x2s.teachers.DirectoryMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recognises a Hugging Face model directory of one {@code model_type} without loading weights, for the
 * teacher providers of the Hugging Face families (BERT, GPT-2).
 */
public final class HfModelDirectory {
  /** The only weights format read. */
  public static final String WEIGHTS = "model.safetensors";

  private HfModelDirectory() {}

  /**
   * Whether {@code dir} holds a {@code modelType} model: {@code config.json}'s {@code model_type}, or for
   * old configs without one, one of {@code vocabFiles} beside it. A directory that is one must hold
   * {@link #WEIGHTS} and, for each group of {@code requiredFiles}, one of the group.
   *
   * @param label what the model is, for messages (e.g. {@code Hugging Face BERT})
   * @param vocabFiles files that tell this family apart when {@code model_type} is missing
   * @param requiredFiles groups of alternatives, e.g. {@code [[vocab.json, encoder.json], [merges.txt, vocab.bpe]]}
   * @throws IllegalArgumentException when it is such a directory but a file is missing
   */
  public static DirectoryMatch inspect(Path dir, String modelType, String label, List<String> vocabFiles,
      List<List<String>> requiredFiles) {
    Path config = dir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return DirectoryMatch.mismatch("no config.json");
    }
    String type = HfConfig.read(config).getString("model_type", "");
    if (type.isEmpty()) {
      if (vocabFiles.stream().noneMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
        return DirectoryMatch.mismatch("config.json has no model_type and no " + String.join(" or ", vocabFiles)
            + " is beside it");
      }
    } else if (!type.equals(modelType)) {
      return DirectoryMatch.mismatch("config.json has model_type '" + type + "', not " + modelType);
    }
    Path weights = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new IllegalArgumentException(label + " directory " + dir + " has no " + WEIGHTS + " (only safetensors"
          + " weights are read; convert a pytorch_model.bin with safetensors' convert script)");
    }
    for (List<String> group : requiredFiles) {
      if (group.stream().noneMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
        throw new IllegalArgumentException(label + " directory " + dir + " has no " + String.join(" or ", group));
      }
    }
    return DirectoryMatch.found(weights);
  }
}
