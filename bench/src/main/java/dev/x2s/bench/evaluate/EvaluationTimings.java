package dev.x2s.bench.evaluate;

import dev.x2s.data.DatasetResolver;
import dev.x2s.evaluate.Benchmark;
import dev.x2s.evaluate.scoring.EvaluationOptions;
import dev.x2s.evaluate.Evaluator;
import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.StandardBenchmarks;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.pipeline.BenchmarkCatalog;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.List;

/**
 * A real vector file on every standard benchmark, under both protocols, with the time of each stage:
 * {@code EvaluationTimings FILE}. Benchmarks are resolved like {@code x2s eval} ($X2S_DATA, ../shared,
 * cache, download).
 */
public final class EvaluationTimings {
  private EvaluationTimings() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EvaluationTimings VECTOR_FILE");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    long t0 = System.nanoTime();
    WordVectors v = VectorFiles.read(file);
    long t1 = System.nanoTime();
    List<Benchmark> benchmarks = BenchmarkCatalog.of(DatasetResolver.builder().build()).load(StandardBenchmarks.ids());
    long t2 = System.nanoTime();
    EvaluationOptions options = EvaluationOptions.defaults();
    VectorResults skip = new Evaluator(options).evaluate(file.getFileName().toString(), v, benchmarks);
    long t3 = System.nanoTime();
    EvaluationOptions meanfill = options.withProtocol(Protocol.MEANFILL);
    VectorResults fill = new Evaluator(meanfill).evaluate(file.getFileName() + " (meanfill)", v, benchmarks);
    long t4 = System.nanoTime();
    System.out.printf("read %s (%d × %d) %.1f s; benchmarks %.2f s; skip %.1f s; meanfill %.1f s%n",
        file.getFileName(), v.size(), v.dim(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    System.out.println(new EvaluationReport(options, List.of(skip)).toMarkdown());
    System.out.println(new EvaluationReport(meanfill, List.of(fill)).toMarkdown());
  }
}
