package dev.x2s.bench.teacher;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertEncoder;
import dev.x2s.teachers.bert.BertForward;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.bert.HiddenStates;
import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.teachers.extract.ExtractionStats;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Teacher throughput on real sentences with production batching:
 * {@code TeacherThroughput ID [--sentences N] [--max-layer L] [--rounds R] [--export DIR] [--skip-production]
 * [--precision int8,bf16]} (the last: {@link PrecisionThroughput} instead of the steps below).
 *
 * <ol>
 *   <li>sgemm GFLOP/s of a {@code 4096×768×768} product (DJL PyTorch), the GEMM bound;
 *   <li>the first N sentences of the shared Wikipedia corpus through {@link ContextExtractor} with
 *       {@link ExtractionOptions#defaults} (results discarded) — the production path, tokenization and
 *       pooling included;
 *   <li>the same encoder calls replayed on {@link BertEncoder#forward} alone ({@link EncoderBatches}),
 *       the inputs {@code bert_torch_eager.py} runs.
 * </ol>
 *
 * <p>Steps 2 and 3 alternate for R rounds (default 2), each round printed with the load average, and
 * the best round of each is summarised: the machine may be shared.
 *
 * <p>Tokens are real tokens ({@code [CLS]} and {@code [SEP]} included, padding excluded); useful FLOPs
 * are counted at each sequence's real length ({@link Flops}). With {@code --export DIR} the encoder calls
 * go to {@code DIR/batches.bin} and the top layer of the first call to {@code DIR/reference.json}.
 */
public final class TeacherThroughput {
  private TeacherThroughput() {}

  public static void main(String[] args) throws Exception {
    String id = args[0];
    int n = 2000;
    int maxLayer = -1;
    Path export = null;
    boolean production = true;
    int rounds = 2;
    String precisions = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--sentences" -> n = Integer.parseInt(args[++i]);
        case "--max-layer" -> maxLayer = Integer.parseInt(args[++i]);
        case "--export" -> export = Path.of(args[++i]);
        case "--skip-production" -> production = false;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--precision" -> precisions = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<Sentence> sentences = BenchCorpus.first(n);
    if (precisions != null) {
      PrecisionThroughput.run(id, sentences, maxLayer, rounds, precisions);
      return;
    }
    long words = sentences.stream().mapToLong(Sentence::size).sum();
    double gemm = Gemm.gflops(4096, 768, 768, 20);
    System.out.printf(Locale.ROOT, "sgemm 4096x768x768 (DJL PyTorch): %.1f GFLOP/s  [load %s]%n", gemm,
        Machine.loadAverage());
    try (Teacher t = Teachers.open(id, TeacherOptions.defaults())) {
      if (!(t instanceof BertTeacher bert)) {
        throw new IllegalArgumentException(id + " is not a BERT-family teacher");
      }
      BertConfig cfg = bert.encoder().config();
      int top = maxLayer < 0 ? cfg.layers() : maxLayer;
      ExtractionOptions options = ExtractionOptions.defaults(top);
      EncoderBatches batches = EncoderBatches.record(bert, sentences, options);
      long real = batches.realTokens();
      double useful = Flops.useful(cfg, batches, top);
      double executed = Flops.executed(cfg, batches, top);
      System.out.printf(Locale.ROOT, "%s, layers 0..%d: %d sentences, %d words, %d encoder calls, %d real tokens"
              + " (%d padded; %.1f%% efficiency); %.1f MFLOP/token useful (%.1f GFLOP useful, %.1f executed)%n",
          id, top, n, words, batches.chunks().size(), real, batches.paddedTokens(),
          100.0 * real / batches.paddedTokens(), useful / real / 1e6, useful / 1e9, executed / 1e9);

      // warm-up: the first 200 sentences, both paths
      new ContextExtractor(t, options).run(sentences.subList(0, Math.min(200, n)).iterator(), (s, ws) -> {}, null);

      // the machine is shared: alternate the two paths for a few rounds and keep every round's numbers
      BertForward enc = bert.encoder();
      double bestProd = Double.MAX_VALUE;
      double bestEnc = Double.MAX_VALUE;
      for (int r = 1; r <= rounds; r++) {
        if (production) {
          String load0 = Machine.loadAverage();
          double c0 = Machine.processCpuSeconds();
          long t0 = System.nanoTime();
          ExtractionStats st = new ContextExtractor(t, options).run(sentences.iterator(), (s, ws) -> {}, null);
          double sec = (System.nanoTime() - t0) / 1e9;
          double cpu = Machine.processCpuSeconds() - c0;
          report("round " + r + " production (ContextExtractor)", sec, cpu, real, useful, gemm, load0);
          if (st.sentences() != n) {
            throw new IllegalStateException("delivered " + st.sentences() + " of " + n);
          }
          bestProd = Math.min(bestProd, sec);
        }
        String load0 = Machine.loadAverage();
        double c0 = Machine.processCpuSeconds();
        long t0 = System.nanoTime();
        for (EncoderBatches.Chunk c : batches.chunks()) {
          enc.forward(c.ids(), c.lengths(), top);
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        double cpu = Machine.processCpuSeconds() - c0;
        report("round " + r + " encoder only (same calls)", sec, cpu, real, useful, gemm, load0);
        bestEnc = Math.min(bestEnc, sec);
      }
      if (production) {
        System.out.printf(Locale.ROOT, "best production: %.0f tokens/s, %.1f%% of sgemm%n", real / bestProd,
            100 * useful / bestProd / 1e9 / gemm);
      }
      System.out.printf(Locale.ROOT, "best encoder only: %.0f tokens/s, %.1f%% of sgemm%n", real / bestEnc,
          100 * useful / bestEnc / 1e9 / gemm);

      if (export != null) {
        Files.createDirectories(export);
        batches.write(export.resolve("batches.bin"));
        EncoderBatches.Chunk c = batches.chunks().get(0);
        HiddenStates hs = enc.forward(c.ids(), c.lengths(), top);
        JsonObject ref = new JsonObject();
        ref.addProperty("chunk", 0);
        ref.addProperty("layer", top);
        ref.addProperty("row", 0);
        JsonArray rows = new JsonArray();
        for (int p = 0; p < c.lengths()[0]; p++) {
          JsonArray v = new JsonArray();
          for (int k = 0; k < 8; k++) {
            v.add(hs.get(0, top, p, k));
          }
          rows.add(v);
        }
        ref.add("values", rows);
        Files.writeString(export.resolve("reference.json"), ref.toString());
        System.out.println("wrote " + export.resolve("batches.bin") + " and reference.json");
      }
    }
  }

  private static void report(String what, double sec, double cpu, long tokens, double useful, double gemm,
      String load0) {
    double gf = useful / sec / 1e9;
    System.out.printf(Locale.ROOT, "%-40s %7.1f s  %8.0f tokens/s  %6.0f tokens/CPU-s  %6.1f GFLOP/s useful"
            + " = %4.1f%% of sgemm  [load %s -> %s]%n",
        what, sec, tokens / sec, tokens / cpu, gf, 100 * gf / gemm, load0, Machine.loadAverage());
  }
}
