package dev.x2s.bench.teacher;

import dev.x2s.corpus.SentenceStream;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.teachers.extract.ExtractionStats;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import java.util.Locale;

/**
 * Peak memory of a long extraction: {@code ExtractionRss ID [--sentences N] [--every K] [--max-layer L]}
 * streams the first N sentences of the shared corpus (read lazily, as in production) through
 * {@link ContextExtractor} with default options and a consumer that discards the results, printing
 * {@code VmRSS} and {@code VmHWM} of {@code /proc/self/status} and the Java heap in use every K
 * sentences. A flat RSS after warm-up means nothing accumulates per sentence or per batch (native
 * arrays, buffered results, the reader).
 */
public final class ExtractionRss {
  private ExtractionRss() {}

  public static void main(String[] args) throws Exception {
    String id = args[0];
    int n = 20000;
    int every = 1000;
    int maxLayer = -1;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--sentences" -> n = Integer.parseInt(args[++i]);
        case "--every" -> every = Integer.parseInt(args[++i]);
        case "--max-layer" -> maxLayer = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "start: VmRSS %d MiB, -Xmx %d MiB  [load %s]%n",
        Machine.statusKiB("VmRSS") / 1024, rt.maxMemory() >> 20, Machine.loadAverage());
    try (Teacher t = Teachers.open(id, TeacherOptions.defaults()); SentenceStream s = BenchCorpus.open(n)) {
      int top = maxLayer < 0 ? t.info().numLayers() - 1 : maxLayer;
      System.out.printf(Locale.ROOT, "%s loaded: VmRSS %d MiB; layers 0..%d, dim %d%n", id,
          Machine.statusKiB("VmRSS") / 1024, top, t.info().dim());
      System.out.println("| sentences | words | seconds | VmRSS MiB | VmHWM MiB | heap used MiB | load |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---|");
      long[] seen = {0, 0};
      long t0 = System.nanoTime();
      int k = every;
      ExtractionStats st = new ContextExtractor(t, ExtractionOptions.defaults(top)).run(s, (sentence, ws) -> {
        seen[0]++;
        seen[1] += sentence.size();
        if (seen[0] % k == 0) {
          System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %d | %d | %d | %s |%n", seen[0], seen[1],
              (System.nanoTime() - t0) / 1e9, Machine.statusKiB("VmRSS") / 1024, Machine.statusKiB("VmHWM") / 1024,
              (rt.totalMemory() - rt.freeMemory()) >> 20, Machine.loadAverage());
        }
      }, null);
      double sec = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "done: %d sentences, %d words in %.0f s (%.0f sentences/s); max held %d"
              + " sentences, %d buffered floats; final VmRSS %d MiB, VmHWM %d MiB%n",
          st.sentences(), st.words(), sec, st.sentences() / sec, st.maxHeldSentences(), st.maxHeldValues(),
          Machine.statusKiB("VmRSS") / 1024, Machine.statusKiB("VmHWM") / 1024);
    }
  }
}
