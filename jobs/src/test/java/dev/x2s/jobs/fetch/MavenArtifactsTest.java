package dev.x2s.jobs.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stand-in scripts replace mvn, so nothing here needs Maven or the network. */
class MavenArtifactsTest {
  private static final MavenArtifact MISSING = new MavenArtifact("dev.x2s.test", "no-such-model", "0.0.1");

  @TempDir Path dir;

  private Path script(String body) throws IOException {
    Path p = dir.resolve("fake-mvn");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    assertTrue(p.toFile().setExecutable(true));
    return p;
  }

  @Test
  void jarsLiveInTheMavenLayout() {
    MavenArtifacts a = new MavenArtifacts(Path.of("repo"), "mvn", false);
    assertEquals(Path.of("repo/dev/x2s/test/no-such-model/0.0.1/no-such-model-0.0.1.jar"), a.jarPath(MISSING));
    assertEquals("dev.x2s.test:no-such-model:0.0.1", MISSING.coordinates());
  }

  @Test
  void aPresentJarIsReturnedWithoutRunningMaven() throws IOException {
    Path repo = dir.resolve("repo");
    MavenArtifacts a = new MavenArtifacts(repo, script("exit 9").toString(), true);
    Path jar = a.jarPath(MISSING);
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {1});
    assertEquals(jar, a.jar(MISSING, "a test model"));
  }

  @Test
  void aMissingJarIsFetchedIntoTheRepository() throws IOException {
    Path repo = dir.resolve("repo");
    // writes the jar where -Dmaven.repo.local (the 6th argument) says, as dependency:get would
    Path mvn = script("r=${6#-Dmaven.repo.local=}; d=$r/dev/x2s/test/no-such-model/0.0.1; mkdir -p $d;"
        + " echo jar > $d/no-such-model-0.0.1.jar");
    Path jar = new MavenArtifacts(repo, mvn.toString(), true).jar(MISSING, "a test model");
    assertEquals(repo.resolve(MISSING.relativeJar()), jar);
    assertEquals("jar\n", Files.readString(jar));
  }

  @Test
  void aFailedFetchReportsTheCommandsOutputAndExitCode() throws IOException {
    Path mvn = script("echo \"could not resolve $4\"\nexit 3");
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new MavenArtifacts(dir.resolve("repo"), mvn.toString(), true).jar(MISSING, "a test model"));
    assertEquals("dev.x2s.test:no-such-model:0.0.1: mvn dependency:get failed (exit 3): could not"
        + " resolve -Dartifact=dev.x2s.test:no-such-model:0.0.1\n", e.getMessage());
    assertEquals("dev.x2s.test:no-such-model:0.0.1", e.coordinates());
  }

  @Test
  void aFetchThatLeavesNoJarIsAnError() {
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new MavenArtifacts(dir.resolve("repo"), "true", true).jar(MISSING, "a test model"));
    assertTrue(e.getMessage().contains("mvn dependency:get succeeded but "), e.getMessage());
  }

  @Test
  void withoutFetchingTheErrorGivesTheCommand() {
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new MavenArtifacts(dir.resolve("repo"), "true", false).jar(MISSING, "a test model"));
    assertEquals("dev.x2s.test:no-such-model:0.0.1: a test model is not in " + dir.resolve("repo")
        + " and fetching is disabled; run: mvn dependency:get -Dartifact=dev.x2s.test:no-such-model:0.0.1",
        e.getMessage());
  }

  @Test
  void aMissingMavenIsNamed() {
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new MavenArtifacts(dir.resolve("repo"), dir.resolve("no-mvn").toString(), true)
            .jar(MISSING, "a test model"));
    assertTrue(e.getMessage().contains("(is Maven installed?)"), e.getMessage());
  }
}
