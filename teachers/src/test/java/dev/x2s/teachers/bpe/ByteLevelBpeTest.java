package dev.x2s.teachers.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPT-2 BPE against published encodings of OpenAI's GPT-2 vocabulary (shared fixture files). */
class ByteLevelBpeTest {
  private final ByteLevelBpe bpe = SharedFixtures.gpt2Bpe();

  private void check(String text, int... expected) {
    assertArrayEquals(expected, bpe.encode(text), text);
    assertEquals(text, bpe.decode(expected), text);
  }

  @Test
  void sharedFixtureReadme() {
    // shared/fixtures/gpt2-tokenizer/README.md
    check("Hello world", 15496, 995);
    check(" the", 262);
  }

  @Test
  void gpt3EncoderTestFile() {
    // latitudegames/GPT-3-Encoder, Encoder.test.js at commit a691838cc6535ac2d7025dac54e7edd5e55d1296
    check("");
    check(" ", 220);
    check("\t", 197);
    check("This is some text", 1212, 318, 617, 2420);
    check("indivisible", 521, 452, 12843);
    check("hello 👋 world 🌍", 31373, 50169, 233, 995, 12520, 234, 235);
    check("toString constructor hasOwnProperty valueOf", 1462, 10100, 23772, 468, 23858, 21746, 1988, 5189);
    check("“wrote jack a letter”", 447, 250, 42910, 14509, 257, 3850, 447, 251);
  }

  @Test
  void tiktokenTestFile() {
    // openai/tiktoken, tests/test_encoding.py at commit ba2c98812e0dd4f96456de8d0bbe1df38bc7582b
    // (test_simple, test_simple_repeated; encoding "gpt2")
    check("hello world", 31373, 995);
    check("0", 15);
    check("00", 405);
    check("000", 830);
    check("0000", 2388);
    check("00000", 20483);
    check("000000", 10535);
    check("0000000", 24598);
    check("00000000", 8269);
    check("000000000", 10535, 830);
    check("0000000000", 8269, 405);
    check("00000000000", 8269, 830);
    check("000000000000", 8269, 2388);
    check("0000000000000", 8269, 20483);
    check("00000000000000", 8269, 10535);
    check("000000000000000", 8269, 24598);
    check("0000000000000000", 25645);
    check("00000000000000000", 8269, 10535, 830);
    // "hello <|endoftext|>" with the special token allowed is [31373, 220, 50256]; we never parse
    // specials from text, but the ids must decode to it
    assertEquals("hello <|endoftext|>", bpe.decode(new int[] {31373, 220, 50256}));
    assertEquals(50256, bpe.id("<|endoftext|>"));
  }

  @Test
  void roundTripsTrickyText() {
    for (String s : List.of(
        "hello", "hello ", "hello  ", " hello", " hello  ", "请考试我的软件！12345",
        "don't they'll I'm you've we'd she's 'Tis",
        "tabs\tand\n\nnewlines \r\n  trailing   ",
        "naïve café Ångström ß ﬁ ǅ",
        "emoji 👩‍👩‍👧‍👦 🇫🇷 ❤️ 🤖🤖",
        "\u00a0nbsp\u2003em space\u3000ideographic",
        "مرحبا بالعالم", "Привет, мир!", "ελληνικά", "日本語のテキスト",
        "x = f(y) + 3.14e-10; // comment",
        "   ", "\n", "'s'", "''''", "a'b'c")) {
      assertEquals(s, bpe.decode(bpe.encode(s)), s);
    }
  }

  @Test
  void roundTripsRandomUnicode() {
    long seed = 42;
    System.out.println("ByteLevelBpeTest.roundTripsRandomUnicode seed=" + seed);
    Random r = new Random(seed);
    int[] ranges = {0x20, 0x7f, 0xa0, 0x2ff, 0x400, 0x4ff, 0x3040, 0x30ff, 0x4e00, 0x4fff, 0x1f300, 0x1f6ff};
    for (int n = 0; n < 300; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(40);
      for (int i = 0; i < len; i++) {
        int k = r.nextInt(ranges.length / 2) * 2;
        sb.appendCodePoint(ranges[k] + r.nextInt(ranges[k + 1] - ranges[k]));
        if (r.nextInt(5) == 0) {
          sb.append(" \t\n".charAt(r.nextInt(3)));
        }
      }
      String s = sb.toString();
      assertEquals(s, bpe.decode(bpe.encode(s)), s);
    }
  }

  @Test
  void preTokenizerSplits() {
    assertEquals(List.of("Hello", ",", " world", "!!", " I", "'m", " 42", "  ", " x"),
        PreTokenizer.split("Hello, world!! I'm 42   x"));
    // \s+(?!\S) leaves the last space to the following word
    assertEquals(List.of("a", "  ", " b", "\n"), PreTokenizer.split("a   b\n"));
    // Unicode whitespace (no-break space) is \s here, as in Python's regex module
    // (without Unicode \s the two would form one [^\s\p{L}\p{N}]+ pre-token)
    assertEquals(List.of("a", "\u00a0", "\u00a0", "b"), PreTokenizer.split("a\u00a0\u00a0b"));
  }

  @Test
  void bytesToUnicodeIsABijectionOnPrintables() {
    Set<Character> seen = new HashSet<>();
    for (int b = 0; b < 256; b++) {
      char c = BytesToUnicode.toChar(b);
      assertTrue(seen.add(c));
      assertEquals(b, BytesToUnicode.toByte(c));
      assertTrue(!Character.isWhitespace(c) && !Character.isISOControl(c), "byte " + b);
    }
    assertEquals('Ġ', BytesToUnicode.toChar(' '));
    assertEquals('Ċ', BytesToUnicode.toChar('\n'));
    assertEquals('A', BytesToUnicode.toChar('A'));
    assertEquals("Ġworld", bpe.token(995));
  }

  @Test
  void badMergesFileNamesLine(@TempDir Path tmp) throws IOException {
    Path vocab = SharedFixtures.gpt2Tokenizer().resolve("encoder.json");
    Path merges = tmp.resolve("merges.txt");
    Files.writeString(merges, "#version: 0.2\nĠ t\nthree parts here\n", StandardCharsets.UTF_8);
    BpeFormatException e = assertThrows(BpeFormatException.class, () -> ByteLevelBpe.load(vocab, merges));
    assertTrue(e.getMessage().contains("merges.txt: line 3"), e.getMessage());
    Files.writeString(merges, "#version: 0.2\nĠ t\nzzzq qqqz\n", StandardCharsets.UTF_8);
    e = assertThrows(BpeFormatException.class, () -> ByteLevelBpe.load(vocab, merges));
    assertTrue(e.getMessage().contains("merge 1 (zzzq qqqz)"), e.getMessage());
    Path badVocab = tmp.resolve("vocab.json");
    Files.writeString(badVocab, "{\"a\": 1,", StandardCharsets.UTF_8);
    e = assertThrows(BpeFormatException.class, () -> ByteLevelBpe.load(badVocab, merges));
    assertTrue(e.getMessage().startsWith(badVocab.toString()), e.getMessage());
  }

  /** Prints throughput; the assertion only guards against pathological slowness. */
  @Test
  void throughput() {
    String[] words = "the quick brown fox jumps over the lazy dog while distillation of contextual embeddings proceeds"
        .split(" ");
    long seed = 7;
    Random r = new Random(seed);
    // uncached: distinct random words
    int n = 20_000;
    String[] fresh = new String[n];
    for (int i = 0; i < n; i++) {
      fresh[i] = " " + words[r.nextInt(words.length)] + Integer.toString(r.nextInt(1 << 30), 36);
    }
    long t0 = System.nanoTime();
    long pieces = 0;
    for (String w : fresh) {
      pieces += bpe.encode(w).length;
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < 200_000; i++) {
      pieces += bpe.encode(" " + words[i % words.length]).length;
    }
    long t2 = System.nanoTime();
    System.out.printf("BPE: %.0f uncached words/s, %.0f cached words/s (%d pieces)%n",
        n / ((t1 - t0) / 1e9), 200_000 / ((t2 - t1) / 1e9), pieces);
    assertTrue(t2 - t0 < 20_000_000_000L);
  }
}
