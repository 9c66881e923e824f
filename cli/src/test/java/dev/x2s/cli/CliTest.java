package dev.x2s.cli;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the x2s command line in-process and checks outputs and exit codes. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cl = Main.commandLine();
      cl.setOut(new java.io.PrintWriter(System.out, true));
      cl.setErr(new java.io.PrintWriter(System.err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** A 5-word, 2-d word2vec text file. */
  private Path tiny() throws Exception {
    Path f = dir.resolve("tiny.txt");
    Files.writeString(f, "5 2\nking 1 0.5\nqueen 0.9 0.6\nman 1 -0.5\nwoman 0.9 -0.4\ncat -1 0\n");
    return f;
  }

  @Test
  void usageErrorsExitWith2() {
    Run r = run("eval", "--no-such-option", "x");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Unknown option"), r.err());
  }

  @Test
  void badOptionValuesFoundWhileRunningAreUsageErrorsToo() throws Exception {
    Run r = run("convert", tiny().toString(), dir.resolve("o.txt").toString(), "--dtype", "fp8");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--dtype"), r.err());
  }

  @Test
  void failuresExitWith1AndOneLineCause() {
    Run r = run("neighbors", dir.resolve("missing.txt").toString(), "king");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("x2s: "), r.err());
    assertTrue(r.err().contains("missing.txt"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void neighborsPrintsNearestByCosine() throws Exception {
    Run r = run("neighbors", tiny().toString(), "king", "-k", "1", "-q");
    assertEquals(0, r.code(), r.err());
    // cos(king, queen) = (0.9 + 0.3)/(1.1180·1.0817) = 0.9923 beats man (0.6) and woman (0.6)
    assertTrue(r.out().contains("queen"), r.out());
    assertTrue(r.out().contains("0.9923"), r.out());
  }

  @Test
  void convertRoundTripsThroughX2v() throws Exception {
    Path x2v = dir.resolve("t.x2v");
    Path back = dir.resolve("back.vec");
    assertEquals(0, run("convert", tiny().toString(), x2v.toString(), "-q").code());
    assertEquals(0, run("convert", x2v.toString(), back.toString(), "-q").code());
    WordVectors a = VectorFiles.read(tiny());
    WordVectors b = VectorFiles.read(back);
    assertEquals(a.words(), b.words());
    assertArrayEquals(a.matrix(), b.matrix());
  }

  /** Issue 11, acceptance 4: written by convert, read back by convert, neighbors and eval. */
  @Test
  void convertRoundTripsThroughAModel2VecFolder() throws Exception {
    Path folder = dir.resolve("tiny-model");
    Path back = dir.resolve("back.x2v");
    Run w = run("convert", tiny().toString(), folder.toString(), "--to", "model2vec", "-q");
    assertEquals(0, w.code(), w.err());
    assertTrue(Files.isRegularFile(folder.resolve("model.safetensors")));
    assertTrue(Files.isRegularFile(folder.resolve("tokenizer.json")));
    String prov = Files.readString(dir.resolve("tiny-model.provenance.json"));
    assertTrue(prov.contains("\"tool\": \"x2s convert\"") && prov.contains("\"format\": \"model2vec\""), prov);
    assertEquals(0, run("convert", folder.toString(), back.toString(), "-q").code());
    WordVectors a = VectorFiles.read(tiny());
    WordVectors b = VectorFiles.read(back);
    assertEquals(a.words(), b.words());
    assertArrayEquals(a.matrix(), b.matrix());
    Run n = run("neighbors", folder.toString(), "king", "-k", "1", "-q");
    assertEquals(0, n.code(), n.err());
    assertTrue(n.out().contains("queen") && n.out().contains("0.9923"), n.out());
    Run f16 = run("convert", tiny().toString(), dir.resolve("f16").toString(), "--to", "st", "--dtype", "fp16", "-q");
    assertEquals(0, f16.code(), f16.err());
    Run i8 = run("convert", tiny().toString(), dir.resolve("i8").toString(), "--to", "model2vec", "--dtype", "int8");
    assertEquals(2, i8.code(), i8.err());
  }

  @Test
  void failedConvertLeavesNoOutputAndKeepsAnOldOne() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "2 2\nking 1 0.5\nqueen 0.9 oops\n");
    Path out = dir.resolve("out.vec");
    Run r = run("convert", bad.toString(), out.toString(), "-q");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("bad.txt") && r.err().contains(":3"), r.err());
    assertFalse(Files.exists(out));
    Files.writeString(out, "old");
    run("convert", bad.toString(), out.toString(), "-q");
    assertEquals("old", Files.readString(out));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
    }
  }

  @Test
  void evalScoresBenchmarksWithCoverage() throws Exception {
    Path report = dir.resolve("r.json");
    Run r = run("eval", tiny().toString(), "--benchmarks", "simlex999,google",
        "--data", SharedData.dir().toString(), "--offline", "-q", "--out", report.toString());
    assertEquals(0, r.code(), r.err());
    // SimLex holds one pair of the tiny words (woman man): covered 1/999, Spearman undefined (n/a).
    assertTrue(r.out().contains("| n/a (1/999) |"), r.out());
    // Google holds "king queen man woman" and "man woman king queen"; both are solved. By hand for
    // the first, x ∈ {woman, cat} (a, b, c excluded): 3CosAdd(woman) = cos(w,queen) − cos(w,king)
    // + cos(w,man) = 0.535 − 0.636 + 0.999 = 0.898 > 3CosAdd(cat) = −0.832 + 0.894 − 0.894 = −0.832.
    assertTrue(r.out().contains("| 1.0000 (2/19544) |"), r.out());
    String json = Files.readString(report).replaceAll("\\s", "");
    assertTrue(json.contains("\"benchmark\":\"google\",\"metric\":\"3cosadd\",\"score\":1.0,\"covered\":2"), json);
  }

  @Test
  void evalScoresSeveralFilesOnTheSharedWordsByDefault() throws Exception {
    Path a = tiny();
    Path b = dir.resolve("b.txt");
    Files.writeString(b, "4 2\nking 1 0\nqueen 0 1\nman 1 0.1\ndog 0.5 0.5\n");
    Path pairs = dir.resolve("pairs.txt");
    Files.writeString(pairs, "king queen 9\nman woman 8\nking man 5\nqueen cat 2\nking dog 3\nman queen 4\n");
    String[] common = {"eval", a.toString(), b.toString(), "--benchmarks", "simlex999", "--similarity", pairs.toString(),
        "--data", SharedData.dir().toString(), "--offline", "-q", "--coverage", "common"};
    Run r = run(common);
    assertEquals(0, r.code(), r.err());
    // Shared words: king, queen, man (SimLex's woman-man pair drops out). Pairs covered by both: king-queen (9), king-man (5), man-queen (4).
    // a: cos(king,queen) = 1.2 / (1.118 × 1.082) = 0.992, cos(king,man) = 0.75 / 1.25 = 0.600,
    //    cos(man,queen) = 0.6 / 1.209 = 0.496: same order as the gold scores, Spearman 1.
    // b: cos = 0, 0.995, 0.0995: ranks 1, 3, 2 against 3, 2, 1; Σd² = 6, ρ = 1 − 6·6 / (3·8) = −0.5.
    assertTrue(r.out().contains("| tiny.txt | n/a (0/999) | 1.0000 (3/6) |"), r.out());
    assertTrue(r.out().contains("| b.txt | n/a (0/999) | -0.5000 (3/6) |"), r.out());
    assertTrue(r.out().contains("skip-common (3 words)"), r.out());
    // common is the default for several files
    Run byDefault = run(java.util.Arrays.copyOf(common, common.length - 2));
    assertTrue(byDefault.out().contains("| b.txt | n/a (0/999) | -0.5000 (3/6) |"), byDefault.out());
    // --coverage own: each file keeps its own words: a covers 5 pairs, b 4
    String[] ownArgs = common.clone();
    ownArgs[ownArgs.length - 1] = "own";
    Run own = run(ownArgs);
    assertTrue(own.out().contains("(5/6)") && own.out().contains("(4/6)"), own.out());
    Run meanfill = run("eval", a.toString(), b.toString(), "--coverage", "common", "--protocol", "meanfill", "-q");
    assertEquals(2, meanfill.code());
    assertTrue(meanfill.err().contains("--coverage common"), meanfill.err());
    Run bad = run("eval", a.toString(), "--coverage", "some", "-q");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("common or own"), bad.err());
  }

  @Test
  void abttWithoutACountDoesNotTakeTheInputFileForIt() throws Exception {
    Path in = tiny();
    Path a = dir.resolve("a.x2v");
    Path b = dir.resolve("b.x2v");
    Path c = dir.resolve("c.x2v");
    Path d = dir.resolve("d.x2v");
    assertEquals(0, run("convert", "-q", "--abtt", in.toString(), a.toString()).code());
    assertEquals(0, run("convert", "-q", in.toString(), b.toString(), "--abtt").code());
    assertEquals(0, run("convert", "-q", "--abtt", "1", in.toString(), c.toString()).code());
    assertEquals(0, run("convert", "-q", "--abtt=1", in.toString(), d.toString()).code());
    assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a));
    assertArrayEquals(Files.readAllBytes(d), Files.readAllBytes(c));
    // the processed vectors differ from the input (mean removed)
    assertFalse(java.util.Arrays.equals(VectorFiles.read(in).matrix(), VectorFiles.read(a).matrix()));
  }

  @Test
  void clusterIsotropyAndWhiteningAreConvertOptions() throws Exception {
    Path in = tiny();
    Path a = dir.resolve("cbie.x2v");
    Path b = dir.resolve("cbie2.x2v");
    Path w = dir.resolve("white.x2v");
    assertEquals(0, run("convert", "-q", "--cluster-isotropy", "2", "--cluster-directions", "0", in.toString(),
        a.toString()).code());
    assertEquals(0, run("convert", "-q", in.toString(), b.toString(), "--cluster-isotropy=2",
        "--cluster-directions=0").code());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b)); // same seed, same bytes
    // two clusters, each centred: every cluster's vectors sum to 0, so all of them sum to 0
    float[] m = VectorFiles.read(a).matrix();
    assertEquals(0, m[0] + m[2] + m[4] + m[6] + m[8], 1e-5);
    assertEquals(0, run("convert", "-q", "--whiten", in.toString(), w.toString()).code());
    assertEquals(2, VectorFiles.read(w).dim());
    assertEquals(0, run("convert", "-q", "--whiten", "1", in.toString(), w.toString()).code());
    assertEquals(1, VectorFiles.read(w).dim());
    Run both = run("convert", "-q", "--whiten", "--abtt", in.toString(), w.toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("at most one"), both.err());
  }
}
