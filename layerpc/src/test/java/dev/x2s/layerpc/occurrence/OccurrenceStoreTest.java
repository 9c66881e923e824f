package dev.x2s.layerpc.occurrence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    long size = Files.size(f);
    // flip one vector byte: open succeeds (metadata intact), verifyVectors fails
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = StoreFormat.offsets(layout()).vectors() + 5;
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 1)).position(0);
      ch.write(b, at);
    }
    try (OccurrenceStore s = OccurrenceStore.open(f)) {
      StoreFormatException e = assertThrows(StoreFormatException.class, s::verifyVectors);
      assertTrue(e.getMessage().contains("vector checksum"), e.getMessage());
    }
    // flip a word-table byte: open fails naming the checksum
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {'X'}), StoreFormat.HEADER_BYTES + 8 + 4 + 16 + 4);
    }
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> OccurrenceStore.open(f));
    assertTrue(e.getMessage().contains("metadata checksum") && e.getMessage().contains(f.toString()),
        e.getMessage());
    // truncation
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(size - 3);
    }
    assertThrows(StoreFormatException.class, () -> OccurrenceStore.open(f));
  }

  @Test
  void unfinishedSlotsRefuseToFinish() throws IOException {
    Path work = dir.resolve("u.partial");
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.create(work, layout())) {
      w.put(0, 0, 1, 0, states(4, 1, 3), 0);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.finish(dir.resolve("u")));
      assertTrue(e.getMessage().contains("never written"), e.getMessage());
    }
    // an unfinished work file is not a store
    assertThrows(StoreFormatException.class, () -> OccurrenceStore.open(work));
    // but can be resumed with the same layout, not another
    try (OccurrenceStoreWriter w = OccurrenceStoreWriter.resume(work, layout())) {
      w.put(0, 1, 2, 0, states(4, 1, 3), 0);
      w.put(1, 0, 3, 0, states(4, 1, 3), 0);
      w.finish(dir.resolve("u"));
    }
    try (OccurrenceStore s = OccurrenceStore.open(dir.resolve("u"))) {
      assertEquals(3, s.sentenceId(2));
    }
    StoreLayout other = new StoreLayout(3, new int[] {1, 2}, layout().words(), layout().slotCounts(),
        layout().occurrences(), layout().contexts());
    Path work2 = dir.resolve("v.partial");
    OccurrenceStoreWriter.create(work2, layout()).close();
    assertThrows(StoreFormatException.class, () -> OccurrenceStoreWriter.resume(work2, other));
  }
}
