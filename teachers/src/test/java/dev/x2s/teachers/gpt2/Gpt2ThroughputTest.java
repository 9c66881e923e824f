package dev.x2s.teachers.gpt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.bpe.SharedFixtures;
import dev.x2s.testkit.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of a random GPT-2 of GPT-2 small's shape (12 layers, width 768, 12 heads) encoding 256
 * random sentences of 40 real words, three times. Slow: {@code mvn -o verify -pl teachers -am
 * -Dgroups=slow}; other shapes with {@code -Dx2s.bench.gpt2=layers,width,heads,words,sentences}.
 */
@Tag(Tags.SLOW)
class Gpt2ThroughputTest {
  @Test
  void gpt2SmallShape() {
    String[] args = System.getProperty("x2s.bench.gpt2", "12,768,12,40,256").split(",");
    int layers = Integer.parseInt(args[0].strip());
    int hidden = Integer.parseInt(args[1].strip());
    int heads = Integer.parseInt(args[2].strip());
    int words = Integer.parseInt(args[3].strip());
    int sentences = Integer.parseInt(args[4].strip());
    long seed = 1;
    Gpt2Config cfg = new Gpt2Config(50257, hidden, layers, heads, 4 * hidden, 1024, 1e-5, "gelu_new");
    long t0 = System.nanoTime();
    Gpt2Weights w = TinyGpt2.randomWeights(cfg, seed);
    var bpe = SharedFixtures.gpt2Bpe();
    List<String> vocab = new ArrayList<>();
    for (int id = 300; id < 20000; id++) {
      String tok = bpe.token(id);
      if (tok.startsWith("Ġ") && tok.length() > 2 && tok.substring(1).chars().allMatch(Character::isLetter)) {
        vocab.add(tok.substring(1));
      }
    }
    Random r = new Random(seed);
    List<List<String>> batch = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      List<String> sent = new ArrayList<>();
      for (int k = 0; k < words; k++) {
        sent.add(vocab.get(r.nextInt(vocab.size())));
      }
      batch.add(sent);
    }
    calibrate();
    try (Gpt2Teacher t = new Gpt2Teacher("bench", "random", cfg, w, bpe, Gpt2Teacher.Options.defaults())) {
      System.out.printf("setup %.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (int rep = 0; rep < 3; rep++) {
        long a = System.nanoTime();
        List<WordStates> out = t.encode(batch, layers, PiecePooling.MEAN);
        double s = (System.nanoTime() - a) / 1e9;
        assertEquals(sentences, out.size());
        for (float v : out.get(0).data()) {
          assertTrue(Float.isFinite(v));
        }
        System.out.printf("rep %d: %d sentences × %d words in %.2f s = %.1f sentences/s%n",
            rep, sentences, words, s, sentences / s);
      }
    }
    calibrate();
  }

  /** Raw matmul speed on this machine right now, to put the numbers above in context. */
  private static void calibrate() {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
      var a = m.randomNormal(new ai.djl.ndarray.types.Shape(1400, 768));
      var b = m.randomNormal(new ai.djl.ndarray.types.Shape(768, 3072));
      a.matMul(b).close();
      long t = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        a.matMul(b).close();
      }
      double s = (System.nanoTime() - t) / 1e9;
      System.out.printf("matmul calibration: %.0f GFLOP/s%n", 10 * 2.0 * 1400 * 768 * 3072 / s / 1e9);
    }
  }
}
