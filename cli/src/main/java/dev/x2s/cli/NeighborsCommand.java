package dev.x2s.cli;

import dev.x2s.pipeline.VectorLoading;
import dev.x2s.vectors.NearestNeighbors;
import dev.x2s.vectors.Neighbor;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code x2s neighbors}: exact cosine nearest neighbours of words. */
@Command(name = "neighbors", mixinStandardHelpOptions = true,
    description = "Print the k nearest neighbours (exact cosine over the whole vocabulary) of each word.")
final class NeighborsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VECTORS")
  Path file;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD")
  List<String> words;

  @Option(names = {"-k"}, defaultValue = "10", description = "Neighbours per word. Default: ${DEFAULT-VALUE}")
  int k;

  @Option(names = "--lower", description = "Lower-case the vocabulary at load (first occurrence wins).")
  boolean lower;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    WordVectors v = VectorLoading.load(file, ReadOptions.defaults().withLowerCase(lower), quiet).vectors();
    NearestNeighbors nn = NearestNeighbors.of(v);
    int missing = 0;
    for (String w : words) {
      if (!v.contains(w)) {
        System.out.println(w + ": not in the vocabulary");
        missing++;
        continue;
      }
      System.out.println(w + ":");
      for (Neighbor n : nn.nearest(w, k)) {
        System.out.printf("  %-24s %.4f%n", n.word(), n.cosine());
      }
    }
    return missing == words.size() ? 1 : 0;
  }
}
