package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.x2s.jobs.store.RowStoreException;
import dev.x2s.jobs.store.RowStoreWriter;
import dev.x2s.vectors.Dtype;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student's checkpoint on the row store: newest complete one wins, damage and other runs refused. */
class TrainingCheckpointTest {
  @TempDir Path tmp;

  private static TrainingCheckpoint checkpoint(long batch) {
    Map<String, float[]> arrays = new LinkedHashMap<>();
    arrays.put("params", new float[] {batch, 1.5f, -2.25f, Float.MIN_VALUE, 1e30f});
    arrays.put("adam_m", new float[] {0.1f * batch});
    arrays.put("adam_v", new float[0]);
    return new TrainingCheckpoint(batch, 2 * batch, 0.1 + batch, 10 * batch, arrays);
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void newestCompleteCheckpointIsLoadedExactly() throws IOException {
    Path dir = TrainingCheckpoint.dirFor(tmp.resolve("out.vec"));
    assertNull(TrainingCheckpoint.load(dir, "fp"));
    checkpoint(3).save(dir, "fp");
    checkpoint(6).save(dir, "fp");
    assertEquals(List.of("batch-000000000006"), entries(dir), "the older checkpoint is deleted");
    // a save the crash interrupted: begun, never finished
    RowStoreWriter.create(dir.resolve("batch-000000000009"), Dtype.FP32, 1, List.of(), new JsonObject()).close();
    TrainingCheckpoint c = TrainingCheckpoint.load(dir, "fp");
    TrainingCheckpoint expected = checkpoint(6);
    assertEquals(6, c.nextBatch());
    assertEquals(12, c.steps());
    assertEquals(expected.lossSum(), c.lossSum());
    assertEquals(60, c.targets());
    assertEquals(List.copyOf(expected.arrays().keySet()), List.copyOf(c.arrays().keySet()));
    for (String k : expected.arrays().keySet()) {
      assertArrayEquals(expected.arrays().get(k), c.arrays().get(k), k);
    }
    // the next save clears the interrupted one; a successful run removes everything
    checkpoint(12).save(dir, "fp");
    assertEquals(List.of("batch-000000000012"), entries(dir));
    TrainingCheckpoint.delete(dir);
    assertFalse(Files.exists(dir));
  }

  @Test
  void otherRunsAndDamageAreRefusedByName() throws IOException {
    Path dir = TrainingCheckpoint.dirFor(tmp.resolve("out.vec"));
    checkpoint(4).save(dir, "fp");
    RowStoreException e = assertThrows(RowStoreException.class, () -> TrainingCheckpoint.load(dir, "other"));
    assertTrue(e.getMessage().contains("other settings") && e.getMessage().contains("--resume"), e.getMessage());
    Path rows = dir.resolve("batch-000000000004").resolve("rows.f32");
    try (FileChannel ch = FileChannel.open(rows, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0x7f}), 6);
    }
    e = assertThrows(RowStoreException.class, () -> TrainingCheckpoint.load(dir, "fp"));
    assertEquals(rows, e.file());
    assertEquals(0, e.offset());
  }
}
