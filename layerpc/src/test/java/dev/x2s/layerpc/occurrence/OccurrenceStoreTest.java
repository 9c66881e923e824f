package dev.x2s.layerpc.occurrence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.store.RowStore;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.teachers.WordStates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OccurrenceStoreTest {
  @TempDir Path dir;

  static StoreLayout layout() {
    return new StoreLayout(3, new int[] {1, 3}, new String[] {"cat", "naïve", "dog"}, new int[] {2, 1, 0},
        new long[] {7, 1, 5}, new long[] {5, 1, 5});
  }

  /** Sentence vectors with values exact in fp16: layer l, word i, dim d → l + i/4 + d/16. */
  static WordStates states(int layers, int words, int dim) {
    float[] data = new float[layers * words * dim];
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < words; i++) {
        for (int d = 0; d < dim; d++) {
          data[(l * words + i) * dim + d] = l + i / 4f + d / 16f;
        }
      }
    }
    return new WordStates(layers, words, dim, data);
  }

  Path write() throws IOException {
    Path work = dir.resolve("s.x2o.partial");
    Path done = dir.resolve("s.x2o");
    WordStates ws = states(4, 5, 3);
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(work, layout())) {
      w.put(0, 1, 42, 3, ws, 3);
      w.put(1, 0, 7, 0, ws, 0);
      w.put(0, 0, 9, 2, ws, 2);
      w.finish(done);
    }
    assertFalse(Files.exists(work));
    return done;
  }

  @Test
  void roundTrip() throws IOException {
    Path f = write();
    try (OccurrenceStore s = OccurrenceStore.open(f)) {
      s.verifyVectors();
      assertEquals(layout(), s.layout());
      assertEquals(3, s.totalSlots());
      assertEquals(0, s.indexOf("cat"));
      assertEquals(1, s.indexOf("naïve"));
      assertEquals(-1, s.indexOf("bird"));
      assertEquals(2, s.slotBase(1));
      assertEquals(9, s.sentenceId(0));
      assertEquals(2, s.position(0));
      assertEquals(42, s.sentenceId(1));
      assertEquals(3, s.position(1));
      // cat, slot 1 = word 3 of the sentence at layer 3: 3 + 0.75 + d/16
      float[][] v = s.vectors("cat", 3);
      assertArrayEquals(new float[] {3.75f, 3.8125f, 3.875f}, v[1]);
      assertArrayEquals(new float[] {1.5f, 1.5625f, 1.625f}, s.vectors("cat", 1)[0]);
      assertArrayEquals(new float[] {1f, 1.0625f, 1.125f}, s.vectors("naïve", 1)[0]);
      assertEquals(0, s.vectors("dog", 1).length);
      // slots 0 (sentence 9), 1 (sentence 42), 2 (sentence 7)
      assertArrayEquals(new int[] {2, 0, 1}, s.slotsInSentenceOrder());
      assertThrows(IllegalArgumentException.class, () -> s.vectors("cat", 2));
    }
  }

  @Test
  void detectsCorruption() throws IOException {
    Path f = write();
    Path rows = f.resolve(RowStore.rowsFile(dev.x2s.vectors.Dtype.FP16));
    long size = Files.size(rows);
    // flip one vector byte: open succeeds (metadata intact), verifyVectors fails naming file and offset
    flip(rows, 5);
    try (OccurrenceStore s = OccurrenceStore.open(f)) {
      RowStoreException e = assertThrows(RowStoreException.class, s::verifyVectors);
      assertTrue(e.getMessage().contains(rows + " @ byte 0") && e.getMessage().contains("CRC32C"), e.getMessage());
    }
    flip(rows, 5);
    // flip a word-table byte: open fails naming the file and the checksum
    Path words = f.resolve(OccurrenceFormat.WORDS);
    flip(words, 2);
    RowStoreException e = assertThrows(RowStoreException.class, () -> OccurrenceStore.open(f));
    assertTrue(e.getMessage().contains(words + " @ byte 0") && e.getMessage().contains("CRC32C"), e.getMessage());
    flip(words, 2);
    // the same for a key
    Path keys = f.resolve(OccurrenceFormat.KEYS);
    flip(keys, 17);
    e = assertThrows(RowStoreException.class, () -> OccurrenceStore.open(f));
    assertTrue(e.getMessage().contains(keys.toString()) && e.getMessage().contains("CRC32C"), e.getMessage());
    flip(keys, 17);
    try (OccurrenceStore s = OccurrenceStore.open(f)) {
      s.verifyVectors();
    }
    // truncation
    try (FileChannel ch = FileChannel.open(rows, StandardOpenOption.WRITE)) {
      ch.truncate(size - 3);
    }
    e = assertThrows(RowStoreException.class, () -> OccurrenceStore.open(f));
    assertTrue(e.getMessage().contains(rows.toString()), e.getMessage());
  }

  private static void flip(Path file, long at) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 1)).position(0);
      ch.write(b, at);
    }
  }

  @Test
  void aStoreOfTheOlderSingleFileFormatIsRefusedByName() throws IOException {
    Path old = dir.resolve("old.x2o");
    Files.write(old, "X2SOCCUR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    RowStoreException e = assertThrows(RowStoreException.class, () -> OccurrenceStore.open(old));
    assertTrue(e.getMessage().startsWith(old + ":") && e.getMessage().contains("older x2s"), e.getMessage());
  }

  @Test
  void unfinishedSlotsRefuseToFinish() throws IOException {
    Path work = dir.resolve("u.partial");
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(work, layout())) {
      w.put(0, 0, 1, 0, states(4, 1, 3), 0);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.finish(dir.resolve("u")));
      assertTrue(e.getMessage().contains("never written"), e.getMessage());
      w.commit(new Checkpoint(1, 1, 1, 1, new int[] {1, 0, 0}, false));
      w.put(0, 1, 2, 0, states(4, 1, 3), 0); // after the commit: lost when the writer stops here
    }
    // an unfinished work file is not a store
    RowStoreException open = assertThrows(RowStoreException.class, () -> OccurrenceStore.open(work));
    assertTrue(open.getMessage().contains("unfinished"), open.getMessage());
    // but can be resumed with the same layout, not another, from its last commit
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.resume(work, layout())) {
      assertEquals(1, w.checkpoint().chunksDone());
      assertArrayEquals(new int[] {1, 0, 0}, w.checkpoint().filled());
      w.put(0, 1, 2, 0, states(4, 1, 3), 0);
      w.put(1, 0, 3, 0, states(4, 1, 3), 0);
      assertThrows(IllegalStateException.class, () -> w.put(1, 0, 3, 0, states(4, 1, 3), 0));
      w.finish(dir.resolve("u"));
    }
    try (OccurrenceStore s = OccurrenceStore.open(dir.resolve("u"))) {
      assertEquals(3, s.sentenceId(2));
      assertEquals(2, s.sentenceId(1));
    }
    StoreLayout other = new StoreLayout(3, new int[] {1, 2}, layout().words(), layout().slotCounts(),
        layout().occurrences(), layout().contexts());
    Path work2 = dir.resolve("v.partial");
    OccurrenceStoreWriter.create(work2, layout()).close();
    assertThrows(RowStoreException.class, () -> OccurrenceStoreWriter.resume(work2, other));
    // a store of another run is not resumed, but replaced by open
    assertThrows(RowStoreException.class, () -> OccurrenceStoreWriter.resume(work2, layout(), "another run"));
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.open(work2, layout(), "another run")) {
      assertEquals(0, w.checkpoint().chunksDone());
    }
    assertEquals("another run", OccurrenceStore.run(work2));
  }
}
