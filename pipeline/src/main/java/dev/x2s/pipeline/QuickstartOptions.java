package dev.x2s.pipeline;

import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.jobs.options.Option;
import dev.x2s.jobs.options.OptionRecord;
import dev.x2s.jobs.options.OptionSet;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.layerpc.Method;
import java.nio.file.Path;

/**
 * Settings of the main job ({@link Quickstart}, {@code x2s quickstart}), each declared once by its
 * {@link Option} (flag, YAML key, the {@code config} of {@code quickstart.json}). The stages it runs keep
 * their own fingerprints (occurrence store, context cache), so none is declared here. The recipe's defaults
 * are the ones chosen on the development halves of SimLex-999 and MEN (BENCHMARKS.md, "Recipe grid").
 */
public record QuickstartOptions(
    @Option(defaultValue = "all-minilm-l6-v2", paramLabel = "ID",
        description = "Teacher id (the default is about 10× cheaper than BERT-base).")
    String teacher,
    @Option(paramLabel = "FILE",
        description = "Corpus (plain text or WikiExtractor, .gz ok). Default: the shared Wikipedia sample "
            + "(enwiki-2015-AA), resolved like the benchmarks (--data, $X2S_DATA, ../shared, cache, download).")
    Path corpus,
    @Option(defaultValue = "20000", paramLabel = "N",
        description = "Corpus sentences the teacher reads, and word2vec trains on (0 or all: the whole corpus);"
            + " --budget chooses it instead.")
    SentenceLimit sentences,
    @Option(paramLabel = "TIME",
        description = "Teacher time to spend (90s, 20m, 2h): the teacher is timed on a sample first, then the plan"
            + " (sentences, words from the corpus and from the word alone, estimated time) is printed and run.")
    String budget,
    @Option(defaultValue = "-1", paramLabel = "L",
        description = "Teacher layers whose shipped vectors are averaged (negative = from the top).")
    LayerSpec layers,
    @Option(defaultValue = "pc", paramLabel = "M", description = "Corpus vector of a word: pc, pc-centred or mean.")
    Method method,
    @Option(defaultValue = "0", paramLabel = "K",
        description = "Blend of a word's corpus vector and its vector alone: equal weights at K occurrences (0: the"
            + " corpus vector wherever there is one).")
    double blend,
    @Option(defaultValue = "0", paramLabel = "D",
        description = "All-but-the-top directions removed from the shipped vectors (-1: dim/100; 0: none).")
    int abtt,
    @Option(defaultValue = "20000", paramLabel = "N",
        description = "Most frequent words on which centring and all-but-the-top are fitted.")
    int fitRows,
    @Option(defaultValue = "true",
        description = "Cover the pinned English word list (an-array-of-english-words, 274,937 words) besides the"
            + " corpus words (--no-english-words: corpus words only).")
    boolean englishWords,
    @Option(paramLabel = "FILE", description = "More entries to cover (one a line; spaces or underscores: a phrase).")
    Path words,
    @Option(defaultValue = "5", paramLabel = "N", description = "Occurrences a corpus word needs to be shipped.")
    int vocabMinCount,
    @Option(defaultValue = "false",
        description = "Also distil an X2Static student over the same sentences and add it to the table.")
    boolean student,
    @Option(defaultValue = "20", description = "Student epochs over the cached teacher contexts.")
    int studentEpochs,
    @Option(defaultValue = "300", description = "word2vec dimension.")
    int baselineDim,
    @Option(defaultValue = "out/quickstart", paramLabel = "DIR", description = "Output directory.")
    Path out) implements OptionRecord<QuickstartOptions> {

  /** The declarations. */
  public static final OptionSet<QuickstartOptions> OPTIONS = OptionSet.of(QuickstartOptions.class);

  public QuickstartOptions {
    if (studentEpochs < 1 || baselineDim < 1 || fitRows < 1 || vocabMinCount < 1) {
      throw new IllegalArgumentException("--student-epochs, --baseline-dim, --fit-rows and --vocab-min-count must be"
          + " positive");
    }
    if (method == Method.DECONTEXT) {
      throw new IllegalArgumentException("--method is a corpus method (pc, pc-centred, mean), not decontext: every"
          + " word is also encoded alone");
    }
    if (!(blend >= 0) || Double.isInfinite(blend)) {
      throw new IllegalArgumentException("--blend must be a number >= 0, not " + blend);
    }
    if (budget != null) {
      TeacherBudget.parseSeconds(budget);
    }
  }

  /** The declared defaults. */
  public static QuickstartOptions defaults() {
    return OPTIONS.builder().build();
  }
}
