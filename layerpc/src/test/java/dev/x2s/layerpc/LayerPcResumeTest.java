package dev.x2s.layerpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.layerpc.occurrence.OccurrenceStoreWriter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill-and-resume for real: the job runs in a child JVM that halts abruptly ({@code Runtime.halt}, no
 * shutdown hooks, no flushing — what kill -9 does to the process) after N sentences; rerunning the same
 * command must produce files byte-identical to an uninterrupted run.
 */
class LayerPcResumeTest {
  @TempDir Path dir;

  @Test
  void killedRunsResumeToIdenticalBytes() throws Exception {
    Path corpus = LayerPcJobTest.corpus(dir, 400, 21);
    Path reference = dir.resolve("reference");
    assertEquals(0, child(corpus, reference, -1));

    // killed twice mid-chunk after checkpoints (chunks of 16, checkpoints every 32 sentences), then finished
    Path resumed = dir.resolve("resumed");
    assertEquals(3, child(corpus, resumed, 150));
    Path partial = resumed.resolve(LayerPcJob.STORE + ".partial");
    assertTrue(Files.exists(partial));
    assertTrue(OccurrenceStoreWriter.lastCheckpoint(partial).chunksDone() > 0, "a checkpoint was committed");
    assertFalse(Files.exists(resumed.resolve(LayerPcJob.STORE)));
    assertFalse(Files.exists(resumed.resolve("run.json")));
    assertEquals(3, child(corpus, resumed, 97));
    assertEquals(0, child(corpus, resumed, -1));
    assertSameOutputs(reference, resumed);

    // killed before the first checkpoint: starts the pass again
    Path early = dir.resolve("early");
    assertEquals(3, child(corpus, early, 5));
    assertEquals(0, OccurrenceStoreWriter.lastCheckpoint(early.resolve(LayerPcJob.STORE + ".partial")).chunksDone());
    assertEquals(0, child(corpus, early, -1));
    assertSameOutputs(reference, early);
  }

  /** Every file (the store directory's included, its manifest too) but run.json is byte-identical. */
  private static void assertSameOutputs(Path a, Path b) throws IOException {
    List<String> names = files(a);
    assertEquals(names, files(b));
    assertTrue(names.contains(LayerPcJob.STORE + "/manifest.json") && names.contains(LayerPcJob.STORE + "/rows.f16")
        && names.contains("pc-layer3.x2v") && names.contains("mean-layer1.x2v"), names.toString());
    for (String n : names) {
      if (n.endsWith(".provenance.json")) {
        assertEquals(stable(a.resolve(n)), stable(b.resolve(n)), n);
      } else {
        assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
      }
    }
  }

  private static List<String> files(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).filter(n -> !n.equals("run.json"))
          .sorted().forEach(names::add);
    }
    return names;
  }

  /** A provenance file without what differs between runs: the clock and the output directory. */
  private static JsonObject stable(Path provenance) throws IOException {
    JsonObject j = JsonParser.parseString(Files.readString(provenance)).getAsJsonObject();
    assertTrue(j.has("started") && j.has("seconds") && j.getAsJsonObject("config").has("out"), provenance.toString());
    j.remove("started");
    j.remove("finished");
    j.remove("seconds");
    j.getAsJsonObject("config").remove("out");
    return j;
  }

  private static int child(Path corpus, Path out, long haltAfter) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    if (haltAfter >= 0) {
      cmd.add("-Dx2s.test.haltAfterSentences=" + haltAfter);
    }
    cmd.add(LayerPcChild.class.getName());
    cmd.add(corpus.toString());
    cmd.add(out.toString());
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child did not finish: " + cmd);
    }
    return p.exitValue();
  }
}
