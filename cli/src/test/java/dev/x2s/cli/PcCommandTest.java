package dev.x2s.cli;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PcCommandTest {
  @TempDir Path dir;

  @Test
  void parsesLayerSpecs() {
    assertArrayEquals(new int[] {0, 1, 2, 3}, PcCommand.parseLayers("0-3"));
    assertArrayEquals(new int[] {0, 6, 12}, PcCommand.parseLayers("12,0,6"));
    assertArrayEquals(new int[] {3, 4, 5, 12}, PcCommand.parseLayers("3-5, 12"));
    assertThrows(IllegalArgumentException.class, () -> PcCommand.parseLayers("5-3"));
    assertThrows(IllegalArgumentException.class, () -> PcCommand.parseLayers("top"));
    assertThrows(IllegalArgumentException.class, () -> PcCommand.parseLayers("-1"));
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
