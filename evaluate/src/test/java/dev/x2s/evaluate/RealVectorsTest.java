package dev.x2s.evaluate;

import dev.x2s.evaluate.scoring.Protocol;
import dev.x2s.evaluate.scoring.EvaluationOptions;

import dev.x2s.testkit.SharedData;
import dev.x2s.evaluate.report.EvaluationReport;
import dev.x2s.evaluate.report.VectorResults;
import dev.x2s.vectors.WordVectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Evaluates a real vector file on every standard benchmark and prints the report and timings.
 * Opt-in: {@code mvn -o test -pl evaluate -am -Dtest=RealVectorsTest -Dx2s.vectors=FILE
 * -Dsurefire.failIfNoSpecifiedTests=false} with a whitespace text file (GloVe or word2vec text).
 */
@EnabledIfSystemProperty(named = "x2s.vectors", matches = ".+")
class RealVectorsTest {
  @Test
  void everyBenchmark() throws Exception {
    Path file = Path.of(System.getProperty("x2s.vectors"));
    long t0 = System.nanoTime();
    WordVectors v = TextVectors.read(file);
    long t1 = System.nanoTime();
    List<Benchmark> benchmarks =
        StandardBenchmarks.under(SharedData.benchmarks()).load(StandardBenchmarks.ids());
    long t2 = System.nanoTime();
    EvaluationOptions options = EvaluationOptions.defaults();
    VectorResults skip = new Evaluator(options).evaluate(file.getFileName().toString(), v,
        benchmarks);
    long t3 = System.nanoTime();
    VectorResults fill = new Evaluator(options.withProtocol(Protocol.MEANFILL))
        .evaluate(file.getFileName() + " (meanfill)", v, benchmarks);
    long t4 = System.nanoTime();
    System.out.printf("read %s (%d × %d) %.1f s; benchmarks %.2f s; skip %.1f s; meanfill %.1f s%n",
        file.getFileName(), v.size(), v.dim(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
        (t4 - t3) / 1e9);
    System.out.println(new EvaluationReport(options, List.of(skip)).toMarkdown());
    System.out.println(new EvaluationReport(options.withProtocol(Protocol.MEANFILL),
        List.of(fill)).toMarkdown());
  }
}
