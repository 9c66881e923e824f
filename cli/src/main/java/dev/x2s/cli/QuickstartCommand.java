package dev.x2s.cli;

import dev.x2s.pipeline.Quickstart;
import dev.x2s.pipeline.QuickstartOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s quickstart}: the main job ({@link Quickstart}) on the default settings; prints its
 * comparison table.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Distil static vectors from a contextual teacher, train a word2vec baseline on the same "
        + "sentences, build layer-PC vectors, and print one comparison table on every benchmark.")
final class QuickstartCommand implements Callable<Integer> {
  @Option(names = "--teacher", defaultValue = "all-minilm-l6-v2",
      description = "Teacher id. Default: ${DEFAULT-VALUE} (about 10× cheaper than BERT-base).")
  String teacher;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "Corpus (plain text or WikiExtractor, .gz ok). Default: the shared Wikipedia sample "
          + "(enwiki-2015-AA), resolved like the benchmarks (--data, $X2S_DATA, ../shared, cache, download).")
  Path corpus;

  @Option(names = "--sentences", defaultValue = "80000",
      description = "Sentences for the student and the baseline. Default: ${DEFAULT-VALUE}.")
  long sentences;

  @Option(names = "--pc-sentences", defaultValue = "20000",
      description = "Sentences for the layer-PC vectors (a second teacher pass). Default: ${DEFAULT-VALUE}.")
  long pcSentences;

  @Option(names = "--pc-layers", split = ",", defaultValue = "1,-1",
      description = "Teacher layers for layer-PC vectors (negative = from the top). Default: ${DEFAULT-VALUE}.")
  List<Integer> pcLayers;

  @Option(names = "--student-epochs", defaultValue = "20",
      description = "Student epochs over the cached teacher contexts (cheap: seconds each). Default: ${DEFAULT-VALUE}.")
  int studentEpochs;

  @Option(names = "--baseline-dim", defaultValue = "300", description = "word2vec dimension. Default: ${DEFAULT-VALUE}.")
  int baselineDim;

  @Option(names = "--out", defaultValue = "out/quickstart", paramLabel = "DIR",
      description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Mixin DataOption data = new DataOption();

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    QuickstartOptions o;
    try {
      o = new QuickstartOptions(teacher, corpus, sentences, pcSentences, pcLayers, studentEpochs,
          baselineDim, out, quiet);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    System.out.print(new Quickstart(o, Datasets.resolver(data)).run().toMarkdown());
    return 0;
  }
}
