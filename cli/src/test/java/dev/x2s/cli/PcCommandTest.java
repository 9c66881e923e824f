package dev.x2s.cli;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.layerpc.LayerPcOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PcCommandTest {
  @TempDir Path dir;

  private LayerPcOptions resolve(String... args) throws Exception {
    PcCommand cmd = new PcCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.resolve();
  }

  /** Layer specs as every command reads them (LayerSpecTest has the parsing): negative = from the top. */
  @Test
  void parsesLayerSpecsIncludingLayersFromTheTop() throws Exception {
    assertEquals(LayerSpec.parse("0-3"), resolve("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "0-3")
        .layers());
    assertEquals(List.of(0, 6, 12), resolve("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "12,0,6")
        .layers().layers());
    assertEquals(List.of(1, -1), resolve("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "-1",
        "--layers", "1").layers().layers());
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> resolve("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "5-3"));
    assertTrue(e.getMessage().contains("--layers") && e.getMessage().contains("5-3"), e.getMessage());
    assertThrows(CommandLine.ParameterException.class,
        () -> resolve("--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "top"));
    e = assertThrows(CommandLine.ParameterException.class, () -> resolve("--teacher", "t", "--out", "o", "--layers", "1"));
    assertTrue(e.getMessage().contains("--corpus is required"), e.getMessage());
  }

  /** The splitter names of distill: rules, break-iterator, none. */
  @Test
  void splitterNamesAreTheSameAsDistills() throws Exception {
    String[] base = {"--teacher", "t", "--corpus", "c", "--out", "o", "--layers", "1", "--splitter"};
    for (SentenceSplitter.Kind k : SentenceSplitter.Kind.values()) {
      String name = k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      String[] args = java.util.Arrays.copyOf(base, base.length + 1);
      args[base.length] = name;
      assertEquals(k, resolve(args).splitter());
      DistillCommand d = new DistillCommand();
      new CommandLine(d).parseArgs("--teacher", "t", "--corpus", "c", "--out", "o", "--splitter", name);
      assertEquals(k, d.resolve().splitter());
    }
  }

  /** Bad input ends with exit code 2 and a message naming the problem, with no output written. */
  @Test
  void badInputIsReportedClearly() throws Exception {
    Path elmo = SharedData.fixture("elmo-tiny");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    Path rare = dir.resolve("rare.txt");
    Files.writeString(rare, "one two\nthree four\n");
    String err = run(2, "--teacher", elmo.toString(), "--corpus", empty.toString(), "--layers", "0-2", "--out",
        dir.resolve("o1").toString());
    assertTrue(err.contains("holds no sentences"), err);
    err = run(2, "--teacher", elmo.toString(), "--corpus", rare.toString(), "--layers", "0-2", "--out",
        dir.resolve("o2").toString());
    assertTrue(err.contains("no word of corpus") && err.contains("--min-contexts"), err);
    err = run(2, "--teacher", elmo.toString(), "--corpus", rare.toString(), "--layers", "0-7", "--out",
        dir.resolve("o3").toString());
    assertTrue(err.contains("layer 7 is out of range") && err.contains("0..2"), err);
    assertFalse(Files.exists(dir.resolve("o3")));
  }

  private static String run(int expectedExit, String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = new CommandLine(new Main()).execute(prepend("pc", args));
    } finally {
      System.setErr(old);
    }
    String err = buf.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, code, err);
    return err;
  }

  private static String[] prepend(String first, String[] rest) {
    String[] a = new String[rest.length + 1];
    a[0] = first;
    System.arraycopy(rest, 0, a, 1, rest.length);
    return a;
  }
}
