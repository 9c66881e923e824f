package dev.x2s.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.chunks.ChunkRunner;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.layerpc.LayerPcJob;
import dev.x2s.layerpc.LayerPcOptions;
import dev.x2s.layerpc.Method;
import dev.x2s.teachers.TeacherOpener;
import dev.x2s.teachers.testing.ContextualFakeTeacher;
import dev.x2s.teachers.testing.FakeTeacher;
import dev.x2s.testkit.TopicCorpus;
import dev.x2s.x2static.ContextBuilder;
import dev.x2s.x2static.DistillConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three teacher stages on Spark ({@code local[2,2]}: two cores, a failed task retried once) against the
 * single-JVM path: the context cache, the occurrence store and the vector files must be byte-identical,
 * also when a task fails halfway through a shard, and no shard may be left behind.
 */
class SparkTeacherStagesTest {
  private static JavaSparkContext sc;
  private static final AtomicInteger failedTasks = new AtomicInteger();

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("x2s-test")
        .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
        .set(SparkChunkRunner.WAVE_CHUNKS, "2")); // several waves per stage
    sc.sc().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd e) {
        if (!e.taskInfo().successful()) {
          failedTasks.incrementAndGet();
        }
      }
    });
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  private DistillConfig contexts(Path corpus, Path cache) {
    return DistillConfig.defaults("fake", corpus, tmp.resolve("out.vec")).toBuilder()
        .set(DistillConfig::cache, cache).set(DistillConfig::minCount, 1).set(DistillConfig::teacherBatch, 4)
        .set(DistillConfig::cacheCheckpointSentences, 100).build();
  }

  private LayerPcOptions pc(Path corpus, Path words, Path out) {
    return LayerPcOptions.defaults("fake", corpus, out, LayerSpec.of(1, 3),
            EnumSet.of(Method.PC, Method.PC_CENTRED, Method.MEAN, Method.DECONTEXT)).toBuilder()
        .set(LayerPcOptions::decontextWords, words).set(LayerPcOptions::samplesPerWord, 5)
        .set(LayerPcOptions::minContexts, 3).set(LayerPcOptions::batchSize, 4).set(LayerPcOptions::maxPieces, 64)
        .set(LayerPcOptions::readAheadBatches, 2).set(LayerPcOptions::chunkSentences, 40)
        .set(LayerPcOptions::checkpointSentences, 80L).build();
  }

  /** Every file under {@code dir} (relative name → bytes), provenance and timing files left out. */
  private static TreeMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(p).toString();
        if (!name.endsWith(".json")) {
          m.put(name, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  private static void assertSameFiles(TreeMap<String, byte[]> expected, TreeMap<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().contains("shard") || p.toString().contains("_attempts")).toList();
    }
  }

  private void runAll(Path root, ChunkRunner runner) throws IOException {
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 300, 7);
    TeacherOpener fake = FakeTeacher::new;
    new ContextBuilder(contexts(corpus, root.resolve("contexts")), fake, true).runner(runner).build().cache().close();
    Path words = tmp.resolve("words.txt");
    if (!Files.exists(words)) {
      Files.writeString(words, String.join("\n", TopicCorpus.words(0)) + "\nzebra\nquokka\n");
    }
    TeacherOpener contextual = id -> new ContextualFakeTeacher();
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(pc(corpus, words, root.resolve("pc")), t, System.err, true).runner(runner, contextual).run();
    }
  }

  @Test
  void sparkWritesTheSingleJvmBytesAlsoWhenATaskFailsHalfway() throws IOException {
    runAll(tmp.resolve("single"), ChunkRunner.LOCAL);
    TreeMap<String, byte[]> single = files(tmp.resolve("single"));
    assertTrue(single.keySet().stream().anyMatch(k -> k.startsWith("pc/occurrences.x2o/")), single.keySet().toString());
    assertTrue(single.keySet().stream().anyMatch(k -> k.startsWith("contexts/")), single.keySet().toString());
    assertTrue(single.containsKey("pc/mean-layer3.x2v") && single.containsKey("pc/decontext-layer1.x2v"));

    SparkChunkRunner plain = new SparkChunkRunner(sc, true);
    runAll(tmp.resolve("spark"), plain);
    assertTrue(plain.shardsWritten() >= 3 + 3, "several chunks per stage: " + plain.shardsWritten());
    assertSameFiles(single, files(tmp.resolve("spark")));
    assertEquals(List.of(), leftovers(tmp.resolve("spark")));

    int failedBefore = failedTasks.get();
    SparkChunkRunner failing = new SparkChunkRunner(sc, true).failFirstAttempt(true);
    runAll(tmp.resolve("retried"), failing);
    assertTrue(failedTasks.get() - failedBefore >= 3, "a failed first attempt in each stage's job");
    assertSameFiles(single, files(tmp.resolve("retried")));
    assertEquals(List.of(), leftovers(tmp.resolve("retried")), "no stray shard or attempt file");
  }

  @Test
  void aRerunAfterAFailedDriverReusesTheShards() throws IOException {
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 300, 7);
    TeacherOpener fake = FakeTeacher::new;
    Path root = tmp.resolve("contexts");
    SparkChunkRunner first = new SparkChunkRunner(sc, true);
    // the driver dies while merging the first wave (after its tasks have written their shards)
    TeacherOpener dying = id -> new FakeTeacher(id);
    ContextBuilder b = new ContextBuilder(contexts(corpus, root), dying, true).runner(new ChunkRunner() {
      @Override
      public <C extends java.io.Serializable, R> void run(dev.x2s.jobs.chunks.ChunkJob<C, R> job,
          java.util.Iterator<C> chunks, long firstIndex, Path shardDir, dev.x2s.jobs.chunks.ChunkSink<R> sink)
          throws IOException {
        first.run(job, chunks, firstIndex, shardDir, (i, r) -> {
          throw new UncheckedIOException(new IOException("driver dies"));
        });
      }

      @Override
      public boolean distributed() {
        return true;
      }
    });
    assertThrows(UncheckedIOException.class, b::build);
    long written = first.shardsWritten();
    assertTrue(written >= 2, "the first wave (2 chunks) written: " + written);
    SparkChunkRunner again = new SparkChunkRunner(sc, true);
    new ContextBuilder(contexts(corpus, root), fake, true).runner(again).build().cache().close();
    assertEquals(written, again.shardsReused(), "the first wave's shards are reused");
    assertTrue(again.shardsWritten() >= 1, "the waves the dead driver never started are encoded now");

    Path single = tmp.resolve("single");
    new ContextBuilder(contexts(corpus, single), fake, true).build().cache().close();
    assertSameFiles(files(single), files(root));
    assertEquals(List.of(), leftovers(root));
  }
}
