package dev.x2s.teachers.elmo;

import dev.x2s.testkit.SharedData;
import java.nio.file.Path;

/** Locates {@code shared/fixtures/elmo-tiny} (AllenNLP's ELMo test fixture, see its README). */
final class ElmoFixture {
  private ElmoFixture() {}

  static Path dir() {
    return SharedData.fixture("elmo-tiny");
  }

  static Path options() {
    return dir().resolve("options.json");
  }

  static Path weights() {
    return dir().resolve("lm_weights.hdf5");
  }
}
