package dev.x2s.x2static;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated plain-text corpora for tests: Zipf-ish words from a fixed list, seeded. */
final class TinyCorpus {
  static final String[] WORDS = {
    "the", "cat", "sat", "on", "mat", "dog", "ran", "far", "away", "from", "house", "river", "stone",
    "green", "quickly", "tree", "under", "bridge", "light", "water", "music", "played", "loudly", "city",
    "night", "morning", "bird", "sang", "small", "large", "old", "new", "road", "walked"};

  private TinyCorpus() {}

  /** {@code paragraphs} lines of 1-3 sentences of 3-12 words each. */
  static Path write(Path dir, String name, int paragraphs, long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      int sentences = 1 + rng.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        int n = 3 + rng.nextInt(10);
        for (int i = 0; i < n; i++) {
          // squared uniform: frequent words at the front of the list
          double u = rng.nextDouble();
          String w = WORDS[(int) (u * u * WORDS.length)];
          if (i == 0) {
            w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
          }
          sb.append(i == 0 ? "" : " ").append(w);
        }
        sb.append(s + 1 < sentences ? ". " : ".");
      }
      sb.append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }
}
