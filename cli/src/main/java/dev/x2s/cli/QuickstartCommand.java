package dev.x2s.cli;

import dev.x2s.pipeline.Quickstart;
import dev.x2s.pipeline.QuickstartOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code x2s quickstart}: the main job ({@link Quickstart}) on the default settings; prints its
 * comparison table. The options are those declared on {@link QuickstartOptions}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, modelTransformer = DeclaredOptions.Transformer.class,
    description = "Distil static vectors from a contextual teacher, train a word2vec baseline on the same "
        + "sentences, build layer-PC vectors, and print one comparison table on every benchmark.")
final class QuickstartCommand implements Callable<Integer>, DeclaredOptions.Host {
  private final DeclaredOptions<QuickstartOptions> options = new DeclaredOptions<>(QuickstartOptions.OPTIONS);

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Mixin DataOption data = new DataOption();

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public DeclaredOptions<?> declaredOptions() {
    return options;
  }

  /** Defaults, then the YAML file, then the flags given. */
  QuickstartOptions resolve() throws IOException {
    return options.resolve(spec);
  }

  @Override
  public Integer call() throws Exception {
    System.out.print(new Quickstart(resolve(), Datasets.resolver(data), quiet).run().toMarkdown());
    return 0;
  }
}
