package dev.x2s.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  // FIPS 180-2 test vectors
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path tmp;

  @Test
  void textStreamAndFileGiveTheStandardHashes() throws IOException {
    assertEquals(EMPTY, Sha256.of(""));
    assertEquals(ABC, Sha256.of("abc"));
    assertEquals(ABC, Sha256.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))));
    Path f = Files.writeString(tmp.resolve("abc.txt"), "abc");
    assertEquals(ABC, Sha256.of(f));
    assertEquals(EMPTY, Sha256.of(Files.writeString(tmp.resolve("empty"), "")));
  }

  @Test
  void filesLongerThanTheBufferAreHashedWhole() throws IOException {
    byte[] big = new byte[(1 << 16) * 3 + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Path f = Files.write(tmp.resolve("big"), big);
    var d = Sha256.digest();
    d.update(big);
    assertEquals(Sha256.hex(d), Sha256.of(f));
  }

  @Test
  void textIsHashedAsUtf8() throws IOException {
    // "é" is c3 a9 in UTF-8 (e9 in Latin-1)
    assertEquals(Sha256.of(new ByteArrayInputStream(new byte[] {(byte) 0xc3, (byte) 0xa9})), Sha256.of("\u00e9"));
  }
}
