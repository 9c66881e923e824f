package dev.x2s.pipeline;

import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionRecord;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import java.nio.file.Path;

/**
 * Settings of the main job ({@link Quickstart}, {@code x2s quickstart}), each declared once by its
 * {@link Option} (flag, YAML key, the {@code config} of {@code quickstart.json}). The stages it runs keep
 * their own fingerprints (context cache, occurrence store), so none is declared here.
 */
public record QuickstartOptions(
    @Option(defaultValue = "all-minilm-l6-v2", paramLabel = "ID",
        description = "Teacher id (the default is about 10× cheaper than BERT-base).")
    String teacher,
    @Option(paramLabel = "FILE",
        description = "Corpus (plain text or WikiExtractor, .gz ok). Default: the shared Wikipedia sample "
            + "(enwiki-2015-AA), resolved like the benchmarks (--data, $X2S_DATA, ../shared, cache, download).")
    Path corpus,
    @Option(defaultValue = "80000", paramLabel = "N",
        description = "Sentences for the student and the baseline (0 or all: the whole corpus).")
    SentenceLimit sentences,
    @Option(defaultValue = "20000", paramLabel = "N",
        description = "Sentences for the layer-PC vectors, a second teacher pass (0 or all: the whole corpus).")
    SentenceLimit pcSentences,
    @Option(defaultValue = "1,-1", paramLabel = "L",
        description = "Teacher layers for layer-PC vectors (negative = from the top).")
    LayerSpec pcLayers,
    @Option(defaultValue = "true", description = "Build layer-PC and mean vectors (--no-layer-pc skips that stage).")
    boolean layerPc,
    @Option(defaultValue = "20",
        description = "Student epochs over the cached teacher contexts (cheap: seconds each).")
    int studentEpochs,
    @Option(defaultValue = "300", description = "word2vec dimension.")
    int baselineDim,
    @Option(defaultValue = "out/quickstart", paramLabel = "DIR", description = "Output directory.")
    Path out) implements OptionRecord<QuickstartOptions> {

  /** The declarations. */
  public static final OptionSet<QuickstartOptions> OPTIONS = OptionSet.of(QuickstartOptions.class);

  public QuickstartOptions {
    if (studentEpochs < 1 || baselineDim < 1) {
      throw new IllegalArgumentException("--student-epochs and --baseline-dim must be positive");
    }
  }

  /** The declared defaults. */
  public static QuickstartOptions defaults() {
    return OPTIONS.builder().build();
  }
}
