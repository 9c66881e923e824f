package dev.x2s.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.bench.evaluate.EvaluationTimings;
import dev.x2s.bench.student.StudentThroughput;
import dev.x2s.bench.teacher.BertThroughput;
import dev.x2s.bench.teacher.ExtractionRss;
import dev.x2s.bench.teacher.TeacherThroughput;
import dev.x2s.testkit.Tags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark main runs to its summary line on a small input, so the mains behind BENCHMARKS.md
 * keep working between measurements. Those that need a real teacher carry the model tag.
 */
class BenchMainsTest {
  interface Main {
    void run() throws Exception;
  }

  /** What {@code main} printed on stdout. */
  static String stdout(Main main) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    old.print(out);
    return out;
  }

  @Test
  void studentThroughputOnBothEngines() throws Exception {
    for (String engine : new String[] {"fused", "nd4j"}) {
      String out = stdout(() -> StudentThroughput.main(new String[] {"--engine", engine, "--dim", "16", "--vocab",
          "1000", "--sentences", "8", "--steps", "40", "--rounds", "1"}));
      assertTrue(out.contains(engine + " sgd, 2 threads, d=16") && out.contains("median"), out);
    }
  }

  @Test
  void evaluationTimingsOfASmallFile(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tiny.txt");
    Files.writeString(f, "5 2\nking 1 0.5\nqueen 0.9 0.6\nman 1 -0.5\nwoman 0.9 -0.4\ncat -1 0\n");
    String out = stdout(() -> EvaluationTimings.main(new String[] {f.toString()}));
    assertTrue(out.contains("read tiny.txt (5 × 2)"), out);
    // both protocols' tables, one row each; SimLex holds one pair of these words (woman–man)
    assertTrue(out.contains("| tiny.txt |") && out.contains("| tiny.txt (meanfill) |"), out);
    assertTrue(out.contains("(1/999)"), out);
  }

  @Test
  @Tag(Tags.MODEL)
  void teacherThroughputAndExtractionRssOfMiniLm() throws Exception {
    String out = stdout(() -> TeacherThroughput.main(new String[] {"all-minilm-l6-v2", "--sentences", "32",
        "--rounds", "1"}));
    assertTrue(out.contains("best production:") && out.contains("best encoder only:"), out);
    out = stdout(() -> ExtractionRss.main(new String[] {"all-minilm-l6-v2", "--sentences", "64", "--every", "32"}));
    assertTrue(out.contains("done: 64 sentences"), out);
  }

  @Test
  @Tag(Tags.MODEL)
  void bertThroughputOneBatch() throws Exception {
    String out = stdout(() -> BertThroughput.main(new String[] {"1", "2"}));
    assertTrue(out.contains("maxLayer 2: 1 batches of 32x128"), out);
  }
}
