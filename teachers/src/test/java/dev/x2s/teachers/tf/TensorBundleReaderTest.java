package dev.x2s.teachers.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tensor bundle reader on a tiny bundle written by TensorFlow's own SaveV2 op
 * ({@code tools/tf-oracle} {@code TinyBundleWriter}: {@code a} float [2,3] = 0.5..5.5, {@code b/c}
 * float [4] = -1, 0, 1e-3, 3e8, {@code n} int32 [2] = 7, 8), and on damaged copies of it.
 */
class TensorBundleReaderTest {
  static final String DATA = "variables.data-00000-of-00001";
  static final String INDEX = "variables.index";

  @TempDir Path tmp;

  /** Copies the fixture into {@code tmp}; returns the prefix. */
  Path copyFixture() throws IOException {
    for (String f : List.of(DATA, INDEX)) {
      try (InputStream in = getClass().getResourceAsStream("tiny/" + f)) {
        Files.copy(in, tmp.resolve(f));
      }
    }
    return tmp.resolve("variables");
  }

  @Test
  void readsTensorsWrittenByTensorFlow() throws IOException {
    TensorBundleReader r = TensorBundleReader.open(copyFixture());
    assertEquals(List.of("a", "b/c", "n"), List.copyOf(r.entries().keySet()));
    Tensor a = r.readFloat("a", "A");
    assertEquals("A", a.name());
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, a.data());
    assertArrayEquals(new float[] {-1f, 0f, 1e-3f, 3e8f}, r.readFloat("b/c", "bc").data());
    assertEquals(3, r.entries().get("n").dtype()); // DT_INT32
  }

  @Test
  void crc32cMaskMatchesTensorFlows() {
    // CRC32C check value of "123456789" is 0xE3069283 (RFC 3720 / iSCSI)
    byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0xE3069283, MaskedCrc32c.crc(b, 0, b.length));
    for (int x : new int[] {0, 1, 0xE3069283, -1, 0x12345678}) {
      assertEquals(x, MaskedCrc32c.unmask(MaskedCrc32c.mask(x)));
    }
    // TF's mask: rotate right by 15, add 0xa282ead8
    assertEquals(0xa282ead8, MaskedCrc32c.mask(0));
  }

  @Test
  void corruptedTensorBytesFailTheChecksum() throws IOException {
    Path prefix = copyFixture();
    Path data = tmp.resolve(DATA);
    byte[] bytes = Files.readAllBytes(data);
    bytes[30] ^= 0x01; // inside b/c (bytes 24..39)
    Files.write(data, bytes);
    TensorBundleReader r = TensorBundleReader.open(prefix);
    WeightsException e = assertThrows(WeightsException.class, () -> r.readFloat("b/c", "bc"));
    assertTrue(e.getMessage().contains("checksum mismatch for tensor b/c at byte 24"), e.getMessage());
    assertEquals(data.toString(), e.source());
    r.readFloat("a", "a"); // the other tensors are intact
  }

  @Test
  void truncatedDataShardIsReported() throws IOException {
    Path prefix = copyFixture();
    Path data = tmp.resolve(DATA);
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(bytes, 30));
    TensorBundleReader r = TensorBundleReader.open(prefix);
    WeightsException e = assertThrows(WeightsException.class, () -> r.readFloat("b/c", "bc"));
    assertTrue(e.getMessage().contains("runs past the end of the shard (30 bytes): truncated"), e.getMessage());
  }

  @Test
  void truncatedIndexIsReported() throws IOException {
    Path prefix = copyFixture();
    Path index = tmp.resolve(INDEX);
    byte[] bytes = Files.readAllBytes(index);
    Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    WeightsException e = assertThrows(WeightsException.class, () -> TensorBundleReader.open(prefix));
    assertTrue(e.getMessage().startsWith(index + ": bad table magic"), e.getMessage());
  }

  @Test
  void corruptedIndexBlockFailsItsChecksum() throws IOException {
    Path prefix = copyFixture();
    Path index = tmp.resolve(INDEX);
    byte[] bytes = Files.readAllBytes(index);
    bytes[5] ^= 0x40; // inside the first data block
    Files.write(index, bytes);
    WeightsException e = assertThrows(WeightsException.class, () -> TensorBundleReader.open(prefix));
    assertTrue(e.getMessage().contains("block checksum mismatch at byte 0"), e.getMessage());
  }

  @Test
  void missingTensorAndWrongDtypeAreNamed() throws IOException {
    TensorBundleReader r = TensorBundleReader.open(copyFixture());
    WeightsException missing = assertThrows(WeightsException.class, () -> r.readFloat("zzz", "z"));
    assertTrue(missing.getMessage().endsWith("missing tensor zzz"), missing.getMessage());
    WeightsException dtype = assertThrows(WeightsException.class, () -> r.readFloat("n", "n"));
    assertTrue(dtype.getMessage().contains("tensor n has dtype 3, expected float32"), dtype.getMessage());
  }

  @Test
  void missingFilesAreNamed() throws IOException {
    WeightsException noIndex = assertThrows(WeightsException.class,
        () -> TensorBundleReader.open(tmp.resolve("nothing")));
    assertTrue(noIndex.getMessage().contains("nothing.index"), noIndex.getMessage());
    Path prefix = copyFixture();
    Files.delete(tmp.resolve(DATA));
    TensorBundleReader r = TensorBundleReader.open(prefix);
    WeightsException noData = assertThrows(WeightsException.class, () -> r.readFloat("a", "a"));
    assertTrue(noData.getMessage().contains("data shard not found"), noData.getMessage());
  }
}
