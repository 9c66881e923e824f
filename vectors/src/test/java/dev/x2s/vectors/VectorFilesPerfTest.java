package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.x2s.testkit.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the readers on a synthetic GloVe-6B-sized set (341,479 × 100, values with 5
 * decimals like GloVe's), generated once into {@code java.io.tmpdir} (not committed). Slow:
 * {@code mvn -o verify -pl vectors -Dgroups=slow}.
 */
@Tag(Tags.SLOW)
class VectorFilesPerfTest {
  private static final int ROWS = 341_479;
  private static final int DIM = 100;
  private static final long SEED = 341479;

  private static WordVectors synthetic() {
    Random rnd = new Random(SEED);
    String[] words = new String[ROWS];
    float[] m = new float[ROWS * DIM];
    for (int r = 0; r < ROWS; r++) {
      // random letters (realistic hash spread) made unique by the row number in base 36
      StringBuilder w = new StringBuilder();
      for (int k = 2 + rnd.nextInt(7); k > 0; k--) {
        w.append((char) ('a' + rnd.nextInt(26)));
      }
      words[r] = w.append(Integer.toString(r, 36)).toString();
      for (int k = 0; k < DIM; k++) {
        m[r * DIM + k] = Math.round(rnd.nextGaussian() * 0.4 * 1e5) / 1e5f;
      }
    }
    return new WordVectors(words, m, DIM);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private interface Load {
    LoadResult run() throws IOException;
  }

  /** First run and best of five, in seconds (the machine is shared: the minimum is the least disturbed). */
  private static double[] time(Load load) throws IOException {
    double best = Double.MAX_VALUE;
    double first = 0;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      LoadResult r = load.run();
      double s = seconds(t0);
      first = i == 0 ? s : first;
      best = Math.min(best, s);
      assertEquals(ROWS, r.vectors().size());
    }
    return new double[] {first, best};
  }

  @Test
  void readThroughput() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "x2s-vectors-perf");
    Files.createDirectories(dir);
    WordVectors v = synthetic();
    Path text = dir.resolve("synthetic-341479x100.txt");
    Path bin = dir.resolve("synthetic-341479x100.bin");
    long t0 = System.nanoTime();
    VectorFiles.write(v, text, VectorFormat.WORD2VEC_TEXT);
    double writeText = seconds(t0);
    VectorFiles.write(v, bin, VectorFormat.WORD2VEC_BINARY);
    double mb = Files.size(text) / 1e6;

    double[] textT = time(() -> VectorFiles.read(text, ReadOptions.defaults()));
    double textSec = textT[1];
    double[] binT = time(() -> VectorFiles.read(bin, ReadOptions.defaults()));
    assertArrayEquals(v.matrix(), VectorFiles.read(text).matrix());
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "word2vec text: %.1f MB, read best %.2f s = %.1f MB/s (first %.2f s = %.1f MB/s;"
                + " write %.2f s)%n",
            mb, textSec, mb / textSec, textT[0], mb / textT[0], writeText));
    report.append(
        String.format(
            Locale.ROOT,
            "word2vec binary: %.1f MB, read best %.2f s (first %.2f s)%n",
            Files.size(bin) / 1e6, binT[1], binT[0]));
    for (Dtype d : Dtype.values()) {
      Path x = dir.resolve("synthetic-" + d + ".x2v");
      VectorFiles.write(v, x, VectorFormat.X2V, WriteOptions.defaults().withDtype(d));
      double[] xs = time(() -> VectorFiles.read(x, ReadOptions.defaults()));
      report.append(
          String.format(
              Locale.ROOT,
              "x2v %s: %.1f MB, load best %.3f s = %.1fx faster than the text file"
                  + " (first %.3f s = %.1fx the first text read)%n",
              d, Files.size(x) / 1e6, xs[1], textSec / xs[1], xs[0], textT[0] / xs[0]));
    }
    NearestNeighbors nn = NearestNeighbors.of(v);
    float[] queries = new float[100 * DIM];
    System.arraycopy(v.matrix(), 0, queries, 0, queries.length);
    nn.search(queries, 100, 10, null);
    t0 = System.nanoTime();
    nn.search(queries, 100, 10, null);
    report.append(
        String.format(
            Locale.ROOT, "top-10 of 100 queries over %d rows: %.3f s%n", ROWS, seconds(t0)));
    t0 = System.nanoTime();
    AllButTheTop.apply(v);
    report.append(String.format(Locale.ROOT, "all-but-the-top (D=1): %.2f s%n", seconds(t0)));
    System.out.print(report);
  }
}
