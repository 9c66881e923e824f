package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenizeCommandTest {
  @TempDir Path tmp;

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void writesOneSentenceALineInX2sWords() throws Exception {
    Path corpus = tmp.resolve("c.txt");
    Files.writeString(corpus, "Dr. Smith lives in New York. He isn't here, is he?\n\nSecond paragraph.\n");
    Path out = tmp.resolve("t.txt");
    assertEquals(0, run("tokenize", "-q", "--corpus", corpus.toString(), "--out", out.toString(), "--lower"));
    // the rule splitter keeps "Dr." together; the word tokenizer splits off punctuation, keeps "isn't"
    assertEquals(List.of("dr. smith lives in new york .", "he isn't here , is he ?", "second paragraph ."),
        Files.readAllLines(out, StandardCharsets.UTF_8));
    Path gz = tmp.resolve("t.txt.gz");
    assertEquals(0, run("tokenize", "-q", "--corpus", corpus.toString(), "--out", gz.toString(),
        "--max-sentences", "1"));
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      assertEquals("Dr. Smith lives in New York .\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    // one convention for "all": 0 and all read every sentence; a negative count is a usage error
    for (String all : new String[] {"0", "all"}) {
      assertEquals(0, run("tokenize", "-q", "--corpus", corpus.toString(), "--out", out.toString(), "--lower",
          "--max-sentences", all));
      assertEquals(3, Files.readAllLines(out, StandardCharsets.UTF_8).size());
    }
    assertEquals(2, run("tokenize", "-q", "--corpus", corpus.toString(), "--out", out.toString(),
        "--max-sentences", "-3"));
  }

  @Test
  void missingCorpusFailsWithoutOutput() {
    Path out = tmp.resolve("t.txt");
    assertEquals(1, run("tokenize", "--corpus", tmp.resolve("nope.txt").toString(), "--out", out.toString()));
    assertFalse(Files.exists(out));
  }
}
