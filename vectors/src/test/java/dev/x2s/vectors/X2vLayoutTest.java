package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's bytes equal a file assembled by hand from the layout table in vectors/README.md. */
class X2vLayoutTest {
  @TempDir Path dir;

  private static int align(int x, int a) {
    return (x + a - 1) / a * a;
  }

  /** Header + vocabulary for words {"a", "éé"} (1 and 4 UTF-8 bytes), dim 3. */
  private static ByteBuffer start(int dtype, int fileSize) {
    ByteBuffer b = ByteBuffer.allocate(fileSize).order(ByteOrder.LITTLE_ENDIAN);
    b.put("X2VF".getBytes(StandardCharsets.US_ASCII));
    b.putShort((short) 1).put((byte) dtype).put((byte) 0);
    b.putInt(3).putInt(2);
    long vocabBytes = (4 + 1) + (4 + 4);
    b.putLong(vocabBytes);
    b.putInt(1).put("a".getBytes(StandardCharsets.UTF_8));
    b.putInt(4).put("éé".getBytes(StandardCharsets.UTF_8));
    return b;
  }

  private static byte[] finish(ByteBuffer b, int footer) {
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, footer);
    b.position(footer);
    b.putInt((int) crc.getValue());
    b.put("X2VE".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  private final WordVectors v =
      new WordVectors(new String[] {"a", "éé"}, new float[] {1f, -2f, 0.5f, 0f, 254f, -127f}, 3);

  @Test
  void fp32Layout() throws IOException {
    int m = align(24 + 13, 64); // 64
    int footer = align(m + 6 * 4, 8);
    ByteBuffer b = start(0, footer + 8);
    b.position(m);
    for (float x : v.matrix()) {
      b.putFloat(x);
    }
    byte[] expected = finish(b, footer);
    Path f = dir.resolve("v.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V);
    assertArrayEquals(expected, Files.readAllBytes(f));
  }

  @Test
  void fp16Layout() throws IOException {
    int m = 64;
    int footer = align(m + 6 * 2, 8); // 76 → 80
    ByteBuffer b = start(1, footer + 8);
    b.position(m);
    // binary16 of 1, -2, 0.5, 0, 254, -127 (hand-encoded: sign | exponent+15 << 10 | mantissa)
    short[] halves = {0x3c00, (short) 0xc000, 0x3800, 0, 0x5bf0, (short) 0xd7f0};
    for (short h : halves) {
      b.putShort(h);
    }
    byte[] expected = finish(b, footer);
    Path f = dir.resolve("h.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V, WriteOptions.defaults().withDtype(Dtype.FP16));
    assertArrayEquals(expected, Files.readAllBytes(f));
    assertArrayEquals(v.matrix(), VectorFiles.read(f).matrix()); // all six are exact in fp16
  }

  @Test
  void int8Layout() throws IOException {
    int m = 64;
    int values = align(m + 2 * 4, 64); // 128
    int footer = align(values + 6, 8); // 134 → 136
    ByteBuffer b = start(2, footer + 8);
    b.position(m);
    b.putFloat(2f / 127).putFloat(254f / 127);
    b.position(values);
    // row 0: max 2 → q = round(v·127/2) = 64 (63.5 rounds away from zero), -127, 32 (31.75)
    // row 1: max 254 → q = 0, 127, round(-127·127/254 = -63.5) = -64
    b.put(new byte[] {64, -127, 32, 0, 127, -64});
    byte[] expected = finish(b, footer);
    Path f = dir.resolve("q.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V, WriteOptions.defaults().withDtype(Dtype.INT8));
    assertArrayEquals(expected, Files.readAllBytes(f));
    float[] back = VectorFiles.read(f).matrix();
    assertEquals(64 * (2f / 127), back[0], 0f);
    assertEquals(-64 * (254f / 127), back[5], 0f);
    assertEquals(Arrays.asList("a", "éé"), VectorFiles.read(f).words());
  }
}
