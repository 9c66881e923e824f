package dev.x2s.bench.teacher;

import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.Precision;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.engine.CpuFeatures;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.teachers.registry.Teachers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code throughput.sh ID --precision int8[,bf16]}: the production path ({@link ContextExtractor}, default
 * options) in fp32 and in each requested precision, in one process and alternating round by round so the
 * ratios are fair on a shared machine (bf16 is skipped: not offered yet, see {@code bert.BertEncoders}). Prints the
 * CPU flags, tokens/s per precision and round, and each precision's best round as a ratio to fp32's.
 */
final class PrecisionThroughput {
  private PrecisionThroughput() {}

  static void run(String id, List<Sentence> sentences, int maxLayer, int rounds, String list) {
    CpuFeatures cpu = CpuFeatures.current();
    System.out.println("cpu flags: " + cpu.summary());
    List<Precision> ps = new ArrayList<>(List.of(Precision.FP32));
    for (String s : list.split(",")) {
      Precision p = Precision.parse(s);
      if (!ps.contains(p) && p != Precision.BF16) {
        ps.add(p);
      }
    }
    // bf16 is not offered yet (bert.BertEncoders: DJL's bf16 cast aborts in native code)
    Map<Precision, Teacher> teachers = new LinkedHashMap<>();
    Map<Precision, Double> best = new LinkedHashMap<>();
    try {
      for (Precision p : ps) {
        long t0 = System.nanoTime();
        teachers.put(p, Teachers.open(id, TeacherOptions.defaults().withPrecision(p)));
        System.out.printf(Locale.ROOT, "%s: %s loaded in %.1f s%n", p.key(), id, (System.nanoTime() - t0) / 1e9);
      }
      int top = maxLayer < 0 ? teachers.get(Precision.FP32).info().numLayers() - 1 : maxLayer;
      ExtractionOptions options = ExtractionOptions.defaults(top);
      long[] tokens = new long[1];
      List<Sentence> warm = sentences.subList(0, Math.min(100, sentences.size()));
      for (Teacher t : teachers.values()) {
        new ContextExtractor(t, options).run(warm.iterator(), (s, ws) -> {}, null);
      }
      // real pieces, [CLS]/[SEP] included: the same count for every precision
      Teacher ref = teachers.get(Precision.FP32);
      for (Sentence s : sentences) {
        tokens[0] += ref.tokenize(s.words()).pieces() + 2L;
      }
      for (int r = 1; r <= rounds; r++) {
        for (var e : teachers.entrySet()) {
          String load0 = Machine.loadAverage();
          long t0 = System.nanoTime();
          new ContextExtractor(e.getValue(), options).run(sentences.iterator(), (s, ws) -> {}, null);
          double sec = (System.nanoTime() - t0) / 1e9;
          best.merge(e.getKey(), sec, Math::min);
          System.out.printf(Locale.ROOT, "round %d %-5s %7.1f s %8.0f tokens/s  [load %s -> %s]%n", r,
              e.getKey().key(), sec, tokens[0] / sec, load0, Machine.loadAverage());
        }
      }
      double f = best.get(Precision.FP32);
      for (var e : best.entrySet()) {
        System.out.printf(Locale.ROOT, "best %-5s %8.0f tokens/s  %.2f× fp32%n", e.getKey().key(),
            tokens[0] / e.getValue(), f / e.getValue());
      }
    } finally {
      for (Teacher t : teachers.values()) {
        t.close();
      }
    }
  }
}
