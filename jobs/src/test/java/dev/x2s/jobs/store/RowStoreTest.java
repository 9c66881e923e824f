package dev.x2s.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowStoreTest {
  private static final int WIDTH = 5;
  /** Small chunks, so that every test crosses chunk boundaries and ends on a short chunk. */
  private static final long CHUNK = 64;

  @TempDir Path tmp;

  /** Row {@code r}: values exact in fp16. */
  private static float[] row(long r) {
    float[] v = new float[WIDTH];
    for (int k = 0; k < WIDTH; k++) {
      v[k] = (r % 97) - 48 + k / 8f;
    }
    return v;
  }

  private static byte[] line(long r) {
    return ("row " + r + " ✓\n").getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject meta(long rows) {
    JsonObject m = new JsonObject();
    m.addProperty("owner", "test");
    m.addProperty("rows_seen", rows);
    return m;
  }

  private static void appendRows(RowStoreWriter w, long from, long to) throws IOException {
    for (long r = from; r < to; r++) {
      w.append(row(r));
      w.write("lines.txt", line(r));
    }
  }

  private Path reference(Dtype dtype, long rows) throws IOException {
    Path dir = tmp.resolve("reference-" + dtype);
    try (RowStoreWriter w = RowStoreWriter.create(dir, dtype, WIDTH, List.of("lines.txt"), meta(0), CHUNK)) {
      appendRows(w, 0, rows);
      w.finish(meta(rows));
    }
    return dir;
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(a)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    }
    List<String> other = new ArrayList<>();
    try (Stream<Path> s = Files.list(b)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(other::add);
    }
    assertEquals(names, other);
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
    }
  }

  @Test
  void roundTripOfRowsStreamsAndMeta() throws IOException {
    for (Dtype dtype : List.of(Dtype.FP16, Dtype.FP32)) {
      Path dir = reference(dtype, 40);
      try (RowStore s = RowStore.open(dir)) {
        s.verify();
        assertTrue(s.complete());
        assertEquals(40, s.rows());
        assertEquals(WIDTH, s.width());
        assertEquals(40, s.meta().get("rows_seen").getAsLong());
        float[] got = new float[WIDTH];
        for (long r = 0; r < 40; r++) {
          s.row(r, got, 0);
          assertArrayEquals(row(r), got, "row " + r);
        }
        float[] part = new float[2];
        s.read(7, 3, 2, part, 0);
        assertArrayEquals(new float[] {row(7)[3], row(7)[4]}, part);
        float[] all = new float[40 * WIDTH];
        s.readRows(0, 40, all, 0);
        assertArrayEquals(row(39), java.util.Arrays.copyOfRange(all, 39 * WIDTH, 40 * WIDTH));
        assertThrows(IndexOutOfBoundsException.class, () -> s.row(40, got, 0));
        try (InputStream in = s.stream("lines.txt")) {
          StringBuilder expected = new StringBuilder();
          for (long r = 0; r < 40; r++) {
            expected.append(new String(line(r), StandardCharsets.UTF_8));
          }
          assertEquals(expected.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      assertTrue(Files.isRegularFile(dir.resolve(RowStore.rowsFile(dtype))));
      assertThrows(RowStoreException.class, () -> RowStoreWriter.resume(dir), "a complete store is not resumed");
    }
    // fp16 rounds to nearest even, like the vector files
    try (RowStoreWriter w = RowStoreWriter.create(tmp.resolve("h"), Dtype.FP16, 1, List.of(), meta(0))) {
      w.append(new float[] {1.0004883f});
      w.finish(meta(1));
    }
    try (RowStore s = RowStore.open(tmp.resolve("h"))) {
      float[] v = new float[1];
      s.row(0, v, 0);
      assertEquals(1.0f, v[0]);
    }
  }

  /**
   * Crashes at random points (commits anywhere, so the last committed chunk is usually short; torn writes
   * and garbage after the commit), resumed each time: the files end identical to an uninterrupted run's.
   */
  @Test
  void truncationMidChunkResumesToIdenticalBytes() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("RowStoreTest seed " + seed + " (rerun with -Dtests.seed=" + seed + ")");
    SplittableRandom rnd = new SplittableRandom(seed);
    for (Dtype dtype : List.of(Dtype.FP16, Dtype.FP32)) {
      long total = 50 + rnd.nextInt(100);
      Path reference = reference(dtype, total);
      Path dir = tmp.resolve("crashed-" + dtype);
      RowStoreWriter w = RowStoreWriter.create(dir, dtype, WIDTH, List.of("lines.txt"), meta(0), CHUNK);
      long done = 0;
      while (done < total) {
        long commitAt = Math.min(total, done + 1 + rnd.nextInt(20));
        appendRows(w, done, commitAt);
        w.commit(meta(commitAt));
        done = commitAt;
        // rows appended after the commit and lost in the crash (some reach the file, some not)
        appendRows(w, done, Math.min(total, done + rnd.nextInt(30)));
        w.close();
        Path rows = dir.resolve(RowStore.rowsFile(dtype));
        long committedBytes = done * WIDTH * (dtype == Dtype.FP16 ? 2L : 4L);
        try (FileChannel ch = FileChannel.open(rows, StandardOpenOption.WRITE)) {
          if (rnd.nextBoolean() && ch.size() > committedBytes) {
            ch.truncate(committedBytes + rnd.nextLong(ch.size() - committedBytes)); // torn mid-chunk
          } else {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), ch.size()); // garbage after the commit
          }
        }
        w = RowStoreWriter.resume(dir);
        assertEquals(done, w.rows());
        assertEquals(done, w.committed().meta().get("rows_seen").getAsLong());
      }
      w.finish(meta(total));
      assertSameFiles(reference, dir);
    }
  }

  @Test
  void truncationBelowTheCommitIsAnErrorNamingFileAndOffset() throws IOException {
    Path dir = tmp.resolve("s");
    try (RowStoreWriter w = RowStoreWriter.create(dir, Dtype.FP16, WIDTH, List.of("lines.txt"), meta(0), CHUNK)) {
      appendRows(w, 0, 20);
      w.commit(meta(20));
    }
    Path rows = dir.resolve("rows.f16");
    try (FileChannel ch = FileChannel.open(rows, StandardOpenOption.WRITE)) {
      ch.truncate(150);
    }
    RowStoreException e = assertThrows(RowStoreException.class, () -> RowStoreWriter.resume(dir));
    assertEquals(rows, e.file());
    assertEquals(150, e.offset());
    assertTrue(e.getMessage().contains(rows + " @ byte 150") && e.getMessage().contains("200"), e.getMessage());
    e = assertThrows(RowStoreException.class, () -> RowStore.open(dir));
    assertTrue(e.getMessage().contains(rows.toString()), e.getMessage());
  }

  @Test
  void corruptedByteIsNamedWithFileOffsetAndRows() throws IOException {
    Path dir = reference(Dtype.FP16, 30); // rows of 10 bytes, chunks of 64
    Path rows = dir.resolve("rows.f16");
    flip(rows, 131); // chunk 2: bytes [128, 192), rows 12..19
    try (RowStore s = RowStore.open(dir)) {
      RowStoreException e = assertThrows(RowStoreException.class, s::verify);
      assertEquals(rows, e.file());
      assertEquals(128, e.offset());
      assertTrue(e.getMessage().contains(rows + " @ byte 128") && e.getMessage().contains("rows 12..19")
          && e.getMessage().contains("CRC32C"), e.getMessage());
    }
    flip(rows, 131);
    Path lines = dir.resolve("lines.txt");
    flip(lines, 70);
    try (RowStore s = RowStore.open(dir)) {
      RowStoreException e = assertThrows(RowStoreException.class, s::verify);
      assertEquals(lines, e.file());
      assertEquals(64, e.offset());
    }
    try (RowStore s = RowStore.open(dir); InputStream in = s.stream("lines.txt")) {
      byte[] first = in.readNBytes(64); // chunk 0 is intact
      assertEquals(64, first.length);
      RowStoreException e = assertThrows(RowStoreException.class, in::read);
      assertTrue(e.getMessage().contains(lines + " @ byte 64"), e.getMessage());
    }
    // a writer does not resume over damage either
    Path open = tmp.resolve("open");
    try (RowStoreWriter w = RowStoreWriter.create(open, Dtype.FP16, WIDTH, List.of("lines.txt"), meta(0), CHUNK)) {
      appendRows(w, 0, 20);
      w.commit(meta(20));
    }
    flip(open.resolve("rows.f16"), 70);
    RowStoreException e = assertThrows(RowStoreException.class, () -> RowStoreWriter.resume(open));
    assertTrue(e.getMessage().contains(open.resolve("rows.f16") + " @ byte 64") && e.getMessage().contains("rows 6..12"),
        e.getMessage());
  }

  private static void flip(Path file, long at) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x10)).position(0);
      ch.write(b, at);
    }
  }

  @Test
  void prefixIsReadableWhileTheWriterGoesOn() throws IOException {
    Path dir = tmp.resolve("live");
    try (RowStoreWriter w = RowStoreWriter.create(dir, Dtype.FP32, WIDTH, List.of("lines.txt"), meta(0), CHUNK)) {
      appendRows(w, 0, 13);
      w.commit(meta(13));
      appendRows(w, 13, 40);
      w.commit(meta(40));
      try (RowStore first = RowStore.open(dir)) {
        appendRows(w, 40, 70); // appended, flushed in part, not committed
        assertFalse(first.complete());
        assertEquals(40, first.rows());
        first.verify();
        float[] got = new float[WIDTH];
        first.row(39, got, 0);
        assertArrayEquals(row(39), got);
        try (InputStream in = first.stream("lines.txt")) {
          assertEquals(40, new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n").length);
        }
        w.commit(meta(70));
        // the earlier snapshot stays valid: committed bytes never change
        first.verify();
        try (RowStore second = RowStore.open(dir)) {
          assertEquals(70, second.rows());
          second.verify();
          second.row(69, got, 0);
          assertArrayEquals(row(69), got);
        }
      }
    }
  }

  @Test
  void foreignOrOlderFormatsAreRefusedByName() throws IOException {
    Path dir = tmp.resolve("old");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(RowStore.MANIFEST), "{\"format\": \"x2s-contexts\", \"version\": 1}");
    RowStoreException e = assertThrows(RowStoreException.class, () -> RowStore.open(dir));
    assertTrue(e.getMessage().contains(dir.resolve(RowStore.MANIFEST).toString())
        && e.getMessage().contains("x2s-contexts version 1"), e.getMessage());
    Path file = tmp.resolve("old.x2o");
    Files.write(file, new byte[] {'X', '2', 'S'});
    e = assertThrows(RowStoreException.class, () -> RowStore.open(file));
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    e = assertThrows(RowStoreException.class, () -> RowStore.open(tmp.resolve("absent")));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    RowStore.delete(file);
    assertFalse(Files.exists(file));
    // a store of another owner, or of another version of the owner's layout
    Path store = reference(Dtype.FP16, 3);
    JsonObject owned = meta(3);
    owned.addProperty("format", "x2s-test");
    owned.addProperty("version", 2);
    try (RowStoreWriter w = RowStoreWriter.create(store, Dtype.FP16, WIDTH, List.of(), owned)) {
      w.finish(owned);
    }
    RowStoreManifest m = RowStoreManifest.read(store);
    assertEquals(3, m.meta(store, "x2s-test", 2).get("rows_seen").getAsLong());
    e = assertThrows(RowStoreException.class, () -> m.meta(store, "x2s-test", 3));
    assertTrue(e.getMessage().contains(store.resolve(RowStore.MANIFEST).toString())
        && e.getMessage().contains("not x2s-test version 3"), e.getMessage());
    assertThrows(RowStoreException.class, () -> m.meta(store, "x2s-other", 2));
    RowStore.delete(store);
    assertFalse(Files.exists(store));
  }
}
