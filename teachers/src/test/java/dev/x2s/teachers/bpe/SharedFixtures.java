package dev.x2s.teachers.bpe;

import dev.x2s.testkit.SharedData;
import java.nio.file.Path;

/** GPT-2's tokenizer from the shared fixtures ({@link SharedData}). */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** GPT-2's tokenizer files (encoder.json, vocab.bpe). */
  public static Path gpt2Tokenizer() {
    return SharedData.fixture("gpt2-tokenizer");
  }

  /** The real GPT-2 tokenizer from the shared fixture (loaded once). */
  public static synchronized ByteLevelBpe gpt2Bpe() {
    if (bpe == null) {
      Path d = gpt2Tokenizer();
      bpe = ByteLevelBpe.load(d.resolve("encoder.json"), d.resolve("vocab.bpe"));
    }
    return bpe;
  }

  private static ByteLevelBpe bpe;
}
