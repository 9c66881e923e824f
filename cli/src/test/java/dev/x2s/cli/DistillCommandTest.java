package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.x2static.DistillConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option resolution of {@code x2s distill}: defaults, then YAML, then flags. */
class DistillCommandTest {
  @TempDir Path tmp;

  private DistillConfig resolve(String... args) throws Exception {
    DistillCommand cmd = new DistillCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.resolve();
  }

  @Test
  void flagsOverrideTheYamlFileWhichOverridesDefaults() throws Exception {
    Path yaml = tmp.resolve("x.yaml");
    Files.writeString(yaml, """
        teacher: all-minilm-l6-v2
        corpus: corpus.txt.gz
        out: out.vec
        lr: 1e-2
        epochs: 3
        max-sentences: 500
        layers: [4, -1]
        optimizer: sgd
        shuffle: false
        """);
    DistillConfig c = resolve("--config", yaml.toString(), "--epochs", "2", "--seed", "9");
    assertEquals("all-minilm-l6-v2", c.teacher());
    assertEquals(Path.of("corpus.txt.gz"), c.corpus());
    assertEquals(0.01, c.lr());
    assertEquals(2, c.epochs()); // flag wins
    assertEquals(9, c.seed());
    assertEquals(SentenceLimit.of(500), c.maxSentences());
    assertEquals(LayerSpec.of(4, -1), c.layers());
    assertEquals(DistillConfig.OptimizerKind.SGD, c.optimizer());
    assertEquals(false, c.shuffle());
    assertEquals(10, c.minCount()); // default
    assertEquals(5e-6, c.t());
    assertNull(c.cache());
  }

  @Test
  void unknownYamlKeyAndMissingRequiredOptionsAreErrors() throws Exception {
    Path yaml = tmp.resolve("bad.yaml");
    Files.writeString(yaml, "teacher: x\nlearning_rate: 0.1\n");
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> resolve("--config", yaml.toString()));
    assertTrue(e.getMessage().contains("learning_rate") && e.getMessage().contains(yaml.toString()), e.getMessage());
    CommandLine.ParameterException p = assertThrows(CommandLine.ParameterException.class,
        () -> resolve("--teacher", "x"));
    assertTrue(p.getMessage().contains("--corpus"), p.getMessage());
    assertThrows(CommandLine.ParameterException.class,
        () -> resolve("--teacher", "x", "--corpus", "c", "--out", "o", "--variant", "document"));
  }

  @Test
  void shippedConfigParses() throws Exception {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("configs"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "no configs/ above " + System.getProperty("user.dir"));
    DistillConfig c = resolve("--config", dir.resolve("configs/x2static-minilm.yaml").toString());
    assertEquals("all-minilm-l6-v2", c.teacher());
    assertEquals(5e-6, c.t());
    assertEquals(1e-3, c.lr());
    assertEquals(LayerSpec.of(-1), c.layers());
    assertEquals(SentenceLimit.of(20000), c.maxSentences());
  }

  @Test
  void flagsKeepTheirSpellingsAndBadValuesNameTheFlagOrKey() throws Exception {
    String[] req = {"--teacher", "t", "--corpus", "c", "--out", "o"};
    assertEquals(LayerSpec.of(1, -1), resolve(concat(req, "--layer", "1", "--layer", "-1")).layers());
    assertEquals(LayerSpec.of(0, 1, 2, -1), resolve(concat(req, "--layers", "0-2,-1")).layers());
    assertEquals(false, resolve(concat(req, "--no-lowercase")).lowercase());
    assertEquals(true, resolve(concat(req, "--exclude-target")).excludeTarget());
    assertEquals(SentenceLimit.ALL, resolve(concat(req, "--max-sentences", "0")).maxSentences());
    assertEquals(SentenceLimit.ALL, resolve(concat(req, "--max-sentences", "all")).maxSentences());
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> resolve(concat(req, "--lr", "fast")));
    assertTrue(e.getMessage().contains("--lr must be a number, not 'fast'"), e.getMessage());
    e = assertThrows(CommandLine.ParameterException.class, () -> resolve(concat(req, "--splitter", "lines")));
    assertTrue(e.getMessage().contains("rules, break-iterator, none"), e.getMessage());
    e = assertThrows(CommandLine.ParameterException.class, () -> resolve(concat(req, "--epochs", "0")));
    assertTrue(e.getMessage().contains("epochs must be >= 1"), e.getMessage());
    Path yaml = tmp.resolve("bad-value.yaml");
    Files.writeString(yaml, "teacher: t\ncorpus: c\nout: o\nmin-count: ten\n");
    e = assertThrows(CommandLine.ParameterException.class, () -> resolve("--config", yaml.toString()));
    assertTrue(e.getMessage().contains(yaml + ": option 'min-count' must be an integer"), e.getMessage());
    // a flag overrides a YAML true with --no-…
    Path on = tmp.resolve("on.yaml");
    Files.writeString(on, "teacher: t\ncorpus: c\nout: o\nresume: true\nshuffle: false\n");
    DistillConfig c = resolve("--config", on.toString(), "--no-resume", "--shuffle");
    assertEquals(false, c.resume());
    assertEquals(true, c.shuffle());
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
