package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input raises VectorFormatException naming the file and the line or byte offset. */
class MalformedInputTest {
  @TempDir Path dir;

  private VectorFormatException textError(String content, long line, String what)
      throws IOException {
    return textError(content, null, line, what);
  }

  private VectorFormatException textError(
      String content, VectorFormat format, long line, String what) throws IOException {
    Path f = Files.createTempFile(dir, "bad", ".txt");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    VectorFormatException e =
        assertThrows(
            VectorFormatException.class,
            () -> VectorFiles.read(f, ReadOptions.defaults().withFormat(format)));
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    return e;
  }

  private VectorFormatException binaryError(byte[] content, long offset, String what)
      throws IOException {
    Path f = Files.createTempFile(dir, "bad", ".bin");
    Files.write(f, content);
    VectorFormatException e =
        assertThrows(VectorFormatException.class, () -> VectorFiles.read(f, ReadOptions.defaults()));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + " at byte " + offset + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    return e;
  }

  @Test
  void malformedNumber() throws IOException {
    textError("2 3\na 1 2 3\nb 1 2x 3\n", 3, "value 2 is not a number: \"2x\"");
    textError("a 1 2\nb 1 ,5\n", 2, "value 2 is not a number");
    textError("2 2\na 1 2\nb 0x10 2\n", 3, "not a number");
  }

  @Test
  void wrongColumnCount() throws IOException {
    textError("2 3\na 1 2 3\nb 1 2\n", 3, "expected 3 values after the word, found 2");
    textError("2 3\na 1 2 3\nb 1 2 3 4 5\n", 3, "expected 3 values after the word, found 5");
    textError("a 1 2 3\nb 1 2 3\nc 1 2\n", 3, "found 2");
    textError("a\n", VectorFormat.GLOVE, 1, "found 1 field");
  }

  @Test
  void nonFiniteValues() throws IOException {
    textError("1 3\na 1 NaN 3\n", 2, "value 2 is not a number: \"NaN\"");
    textError("1 3\na 1 2 inf\n", 2, "value 3 is not a number");
    textError("1 2\na 1 1e39\n", 2, "value 2 is not finite: \"1e39\"");
    textError("a -1e40 2\n", 1, "value 1 is not finite");
  }

  @Test
  void headerDisagreesWithRows() throws IOException {
    textError("3 2\na 1 2\nb 3 4\n", 3, "the header declares 3 rows but the file ends after 2");
    textError("1 2\na 1 2\nb 3 4\n", 3, "more rows than the 1 that the header declares");
    textError("2 3\na 1 2\nb 3 4\n", 2, "expected 3 values after the word, found 2");
    textError("2 x\na 1 2\n", VectorFormat.WORD2VEC_TEXT, 1, "expected a header line");
  }

  /** A corrupt header must not make the reader allocate gigabytes. */
  @Test
  void hugeHeaderCountsFailWithoutExhaustingMemory() throws IOException {
    VectorFormat text = VectorFormat.WORD2VEC_TEXT;
    textError("2000000000 3\na 1\n", text, 2, "expected 3 values after the word, found 1");
    textError("2000000000 3\na 1 2 3\n", text, 2, "declares 2000000000 rows but the file ends after 1");
    textError("5 1000000000\na 1\n", text, 1, "dimension 1000000000 is impossible in a file of");
    byte[] b = binary("2000000000 3\n", new String[] {"ab"}, new float[][] {{1, 2, 3}}, true);
    binaryError(b, b.length, "truncated: the file ends in row 2 of the 2000000000 declared");
    byte[] wide = binary("1 500000000\n", new String[] {"ab"}, new float[][] {{1}}, true);
    binaryError(wide, wide.length, "truncated: dimension 500000000 needs more than");
  }

  @Test
  void limitZeroReadsNothing() throws IOException {
    Path f = dir.resolve("g.txt");
    Files.writeString(f, "a 1 2\nb 3 4\n");
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults().withLimit(0));
    assertEquals(0, r.vectors().size());
    assertEquals(2, r.vectors().dim());
  }

  @Test
  void emptyAndBlank() throws IOException {
    binaryError(new byte[0], 0, "empty file"); // format detection: no line yet
    textError("", VectorFormat.WORD2VEC_TEXT, 1, "empty file");
    textError("", VectorFormat.GLOVE, 1, "empty file");
    textError("\n\n", VectorFormat.GLOVE, 2, "empty file (no rows)");
    textError("2 2\na 1 2\n\nb 3 4\n", 3, "blank line");
    textError("2 2\n a 1 2\nb 3 4\n", 2, "empty word");
    binaryError(new byte[0], 0, "empty file");
    Path x = dir.resolve("empty.x2v");
    Files.write(x, new byte[0]);
    VectorFormatException e =
        assertThrows(
            VectorFormatException.class,
            () -> VectorFiles.read(x, ReadOptions.defaults().withFormat(VectorFormat.X2V)));
    assertTrue(e.getMessage().contains(x + " at byte 0: empty file"), e.getMessage());
  }

  @Test
  void invalidUtf8Word() throws IOException {
    Path f = dir.resolve("utf.txt");
    Files.write(f, new byte[] {'1', ' ', '1', '\n', (byte) 0xff, 'a', ' ', '1', '\n'});
    VectorFormatException e =
        assertThrows(VectorFormatException.class, () -> VectorFiles.read(f));
    assertTrue(e.getMessage().startsWith(f + ":2: word is not valid UTF-8"), e.getMessage());
    // a genuine U+FFFD (EF BF BD) is valid
    Path ok = dir.resolve("fffd.txt");
    Files.writeString(ok, "1 1\na\uFFFDb 1\n", StandardCharsets.UTF_8);
    assertEquals(java.util.List.of("a\uFFFDb"), VectorFiles.read(ok).words());
    // truncated multi-byte sequence in a binary file
    byte[] bin = binary("1 1\n", new String[] {"ab"}, new float[][] {{1}}, true);
    bin[4] = (byte) 0xc3;
    binaryError(bin, 4, "word is not valid UTF-8");
  }

  private static byte[] binary(String header, String[] words, float[][] rows, boolean newline) {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < words.length; i++) {
      b.put((words[i] + " ").getBytes(StandardCharsets.UTF_8));
      for (float v : rows[i]) {
        b.putFloat(v);
      }
      if (newline) {
        b.put((byte) '\n');
      }
    }
    return Arrays.copyOf(b.array(), b.position());
  }

  @Test
  void truncatedBinary() throws IOException {
    byte[] ok = binary("2 3\n", new String[] {"ab", "cd"}, new float[][] {{1, 2, 3}, {4, 5, 6}}, true);
    // ok has 4 + (3 + 12 + 1) * 2 = 36 bytes; cut inside the second vector
    binaryError(Arrays.copyOf(ok, 30), 30, "truncated: the file ends in row 2 of the 2 declared");
    // cut inside the second word
    binaryError(Arrays.copyOf(ok, 21), 21, "truncated: the file ends in row 2");
    // header promises a third row
    byte[] more = binary("3 3\n", new String[] {"ab", "cd"}, new float[][] {{1, 2, 3}, {4, 5, 6}}, true);
    binaryError(more, 36, "truncated: the file ends in row 3 of the 3 declared");
  }

  @Test
  void binaryWithMoreRowsOrWrongDimension() throws IOException {
    byte[] three =
        binary("2 3\n", new String[] {"ab", "cd", "ef"}, new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, true);
    binaryError(three, 36, "data after the 2 rows that the header declares");
    // rows of dimension 4 under a header saying 3: the 4th value of row 1 is taken as a word
    byte[] dim4 = binary("2 3\n", new String[] {"ab", "cd"}, new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}, false);
    Path f = dir.resolve("dim4.bin");
    Files.write(f, dim4);
    VectorFormatException e =
        assertThrows(
            VectorFormatException.class,
            () -> VectorFiles.read(f, ReadOptions.defaults().withFormat(VectorFormat.WORD2VEC_BINARY)));
    assertTrue(e.offset() >= 0 && e.getMessage().startsWith(f + " at byte "), e.getMessage());
  }

  @Test
  void nonFiniteBinaryValue() throws IOException {
    byte[] nan = binary("1 3\n", new String[] {"ab"}, new float[][] {{1, Float.NaN, 3}}, true);
    binaryError(nan, 4 + 3 + 4, "value 2 of \"ab\" is not finite: NaN");
    byte[] inf =
        binary("1 3\n", new String[] {"ab"}, new float[][] {{1, 2, Float.NEGATIVE_INFINITY}}, true);
    binaryError(inf, 4 + 3 + 8, "value 3 of \"ab\" is not finite");
  }

  @Test
  void x2vCorruptionTruncationAndTrailingBytes() throws IOException {
    WordVectors v = TestVectors.random(5, 20, 8);
    Path f = dir.resolve("v.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V);
    byte[] good = Files.readAllBytes(f);

    byte[] flipped = good.clone();
    flipped[good.length - 20] ^= 1; // a matrix byte
    VectorFormatException e = binaryError(flipped, good.length - 8, "checksum mismatch");
    assertTrue(e.getMessage().contains("corrupted"));

    binaryError(Arrays.copyOf(good, good.length - 3), good.length - 3, "truncated");
    binaryError(Arrays.copyOf(good, good.length + 8), good.length, "trailing bytes");

    byte[] version = good.clone();
    version[4] = 9;
    binaryError(version, 4, "unsupported x2v version 9");
    byte[] dtype = good.clone();
    dtype[6] = 7;
    binaryError(dtype, 6, "unknown dtype code 7");
    byte[] magic = good.clone();
    magic[3] = 'Q';
    Path m = dir.resolve("magic.x2v");
    Files.write(m, magic);
    VectorFormatException me =
        assertThrows(
            VectorFormatException.class,
            () -> VectorFiles.read(m, ReadOptions.defaults().withFormat(VectorFormat.X2V)));
    assertEquals(3, me.offset());
  }
}
