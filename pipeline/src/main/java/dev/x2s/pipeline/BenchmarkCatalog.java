package dev.x2s.pipeline;

import dev.x2s.data.DatasetEntry;
import dev.x2s.data.DatasetResolver;
import dev.x2s.evaluate.StandardBenchmarks;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Wires the dataset resolver (benchmarks-data) into the benchmark catalogue (evaluate). */
public final class BenchmarkCatalog {
  private BenchmarkCatalog() {}

  /** The catalogue, resolving each benchmark's relative path through the manifest entry that holds it. */
  public static StandardBenchmarks of(DatasetResolver resolver) {
    return new StandardBenchmarks(relative -> {
      String root = "benchmarks-data/" + relative;
      for (DatasetEntry e : resolver.manifest().entries()) {
        if (e.root().equals(root)) {
          try {
            return resolver.resolve(e).root();
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        }
      }
      throw new IllegalStateException("no manifest entry holds " + root);
    });
  }
}
